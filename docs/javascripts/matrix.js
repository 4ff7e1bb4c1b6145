// The role filter of the responsibility matrix. Without this script the
// matrix is a complete plain table; with it, a reader picks a role and sees
// only that role's rows, or every row with the role's column highlighted.
(function () {
  "use strict";

  // "a", "a and b", "a, b and c"
  function listed(items) {
    return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  var wrappers = Array.prototype.slice.call(document.querySelectorAll("[data-hb-matrix]"));
  if (!wrappers.length) return;
  var headings = Array.prototype.slice.call(wrappers[0].querySelectorAll("thead th[data-role]"));
  if (!headings.length) return;

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text) node.textContent = text;
    return node;
  }

  // --- the form --------------------------------------------------------------
  var form = element("form", { "class": "hb-matrix-filter", "aria-label": "Filter the matrix by role" });
  var label = element("label", { "for": "hb-matrix-role" }, "Role");
  var select = element("select", { id: "hb-matrix-role" });
  select.appendChild(element("option", { value: "" }, "All roles"));
  headings.forEach(function (th) {
    select.appendChild(element("option", { value: th.getAttribute("data-role") }, th.getAttribute("data-name") + " (" + th.textContent.trim() + ")"));
  });
  label.appendChild(select);
  var modes = element("fieldset", {});
  modes.appendChild(element("legend", {}, "Show"));
  [["rows", "only its rows"], ["column", "every row, its column highlighted"]].forEach(function (mode, index) {
    var option = element("label", {});
    var radio = element("input", { type: "radio", name: "hb-matrix-mode", value: mode[0] });
    radio.checked = index === 0;
    option.appendChild(radio);
    option.appendChild(document.createTextNode(" " + mode[1]));
    modes.appendChild(option);
  });
  var status = element("p", { "class": "hb-matrix-filter__status", "aria-live": "polite" });
  form.appendChild(label);
  form.appendChild(modes);
  form.appendChild(status);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  var anchor = wrappers[0].previousElementSibling;
  wrappers[0].parentNode.insertBefore(form, anchor && /^H[1-6]$/.test(anchor.tagName) ? anchor : wrappers[0]);

  // --- filtering -------------------------------------------------------------
  function apply() {
    var role = select.value;
    var mode = form.querySelector("input[name=hb-matrix-mode]:checked").value;
    var counts = [];
    wrappers.forEach(function (wrapper) {
      var table = wrapper.querySelector("table");
      var header = Array.prototype.slice.call(table.tHead.rows[0].cells);
      var column = header.findIndex(function (th) { return role && th.getAttribute("data-role") === role; });
      var shown = 0;
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      header.forEach(function (th, index) { th.classList.toggle("is-highlighted", index === column); });
      rows.forEach(function (row) {
        var cell = column > 0 ? row.cells[column] : null;
        var involved = !!(cell && cell.hasAttribute("data-level"));
        row.hidden = column > 0 && mode === "rows" && !involved;
        if (involved) shown += 1;
        Array.prototype.forEach.call(row.cells, function (td, index) { td.classList.toggle("is-highlighted", index === column); });
      });
      wrapper.classList.toggle("hb-matrix--single", column > 0 && mode === "rows");
      counts.push(shown + " of " + rows.length + " " + header[0].textContent.trim().toLowerCase());
    });
    var chosen = select.options[select.selectedIndex];
    status.textContent = role ? chosen.textContent.replace(/ \(.*\)$/, "") + " is involved in " + listed(counts) + "." : "";
    try {
      var url = new URL(window.location.href);
      if (role) url.searchParams.set("role", role);
      else url.searchParams.delete("role");
      window.history.replaceState(null, "", url.href);
    } catch (error) { /* some file:// contexts refuse: the filter still works */ }
  }

  select.addEventListener("change", apply);
  form.addEventListener("change", function (event) {
    if (event.target.name === "hb-matrix-mode") apply();
  });
  var wanted = new URLSearchParams(window.location.search).get("role");
  if (wanted && headings.some(function (th) { return th.getAttribute("data-role") === wanted; })) {
    select.value = wanted;
    apply();
  }
})();
