// The role filter of the responsibility matrix, and its cells' tooltip. The page carries the form
// (shown only where scripts run); this script makes it work. Without scripts
// the matrix is a complete plain table. With it, a reader picks a role and sees only that role's rows,
// or every row with the role's column highlighted, and may keep only what the
// role is responsible or accountable for. Each cell names itself in its aria-label (read by screen
// readers); on hover and keyboard focus that sentence shows beside the cell in one tooltip, made here.
(function () {
  "use strict";

  // "a", "a and b", "a, b and c"
  function listed(items) {
    return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  var form = document.querySelector("form.hb-matrix-filter");
  var wrappers = Array.prototype.slice.call(document.querySelectorAll("[data-hb-matrix]"));
  if (!form || !wrappers.length) return;
  var select = form.querySelector("#hb-matrix-role");
  var owned = form.querySelector("input[name=hb-matrix-owned]");
  var status = form.querySelector(".hb-matrix-filter__status");
  var roles = Array.prototype.map.call(select.options, function (option) { return option.value; }).filter(Boolean);
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function counts(level) {
    return level === "responsible" || level === "accountable" || (level && !owned.checked);
  }

  // Responsible and accountable only: a consulted cell shows nothing, so it is neither a tab stop nor read out.
  function stepAside(td) {
    if (owned.checked && td.hasAttribute("aria-label")) {
      td.setAttribute("data-label", td.getAttribute("aria-label"));
      td.removeAttribute("aria-label");
      td.removeAttribute("tabindex");
    } else if (!owned.checked && td.hasAttribute("data-label")) {
      td.setAttribute("aria-label", td.getAttribute("data-label"));
      td.removeAttribute("data-label");
      td.setAttribute("tabindex", "0");
    }
  }

  // Neighbouring empty cells come as one cell spanning their columns; a chosen role needs its column whole.
  var split = false;
  function splitCells() {
    if (split) return;
    split = true;
    wrappers.forEach(function (wrapper) {
      Array.prototype.forEach.call(wrapper.querySelectorAll("td[colspan]"), function (td) {
        var cells = [];
        for (var n = +td.getAttribute("colspan"); n > 0; n--) cells.push(document.createElement("td"));
        td.replaceWith.apply(td, cells);
      });
    });
  }

  function apply() {
    var role = select.value;
    if (role) splitCells();
    var mode = form.querySelector("input[name=hb-matrix-mode]:checked").value;
    var found = [];
    wrappers.forEach(function (wrapper) {
      var table = wrapper.querySelector("table");
      var header = Array.prototype.slice.call(table.tHead.rows[0].cells);
      var column = header.findIndex(function (th) { return role && th.getAttribute("data-role") === role; });
      var shown = 0;
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      header.forEach(function (th, index) { th.classList.toggle("is-highlighted", index === column); });
      rows.forEach(function (row) {
        Array.prototype.forEach.call(row.querySelectorAll('td[data-level="consulted"]'), stepAside);
        var cell = column > 0 ? row.cells[column] : null;
        var involved = !!(cell && counts(cell.getAttribute("data-level")));
        row.hidden = column > 0 && mode === "rows" && !involved;
        if (involved) shown += 1;
        Array.prototype.forEach.call(row.cells, function (td, index) { td.classList.toggle("is-highlighted", index === column); });
      });
      wrapper.classList.toggle("hb-matrix--single", column > 0 && mode === "rows");
      wrapper.classList.toggle("hb-matrix--owned", owned.checked);
      found.push(shown + " of " + rows.length + " " + header[0].textContent.trim().toLowerCase());
    });
    var chosen = select.options[select.selectedIndex];
    var how = owned.checked ? " responsible or accountable for " : " involved in ";
    status.textContent = role ? chosen.textContent.replace(/ \(.*\)$/, "") + " is" + how + listed(found) + "." : "";
    try {
      var url = new URL(window.location.href);
      if (role) url.searchParams.set("role", role);
      else url.searchParams.delete("role");
      window.history.replaceState(null, "", url.href);
    } catch (error) { /* some file:// contexts refuse: the filter still works */ }
  }

  form.addEventListener("change", apply);

  // The tooltip: one element for all cells, under the cell it explains, within the window; Escape hides it.
  var tip = null;
  function show(cell) {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "hb-matrix-tip";
      tip.setAttribute("aria-hidden", "true"); // the cell's own name already says it
      document.body.appendChild(tip);
    }
    tip.textContent = cell.getAttribute("aria-label");
    tip.hidden = false;
    var box = cell.getBoundingClientRect(), width = tip.offsetWidth;
    var left = Math.max(4, Math.min(box.left + box.width / 2 - width / 2, document.documentElement.clientWidth - width - 4));
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + "px";
  }
  function hide() { if (tip) tip.hidden = true; }
  function cellOf(event) {
    var cell = event.target.closest && event.target.closest("td[data-level]");
    return cell && cell.hasAttribute("aria-label") ? cell : null;
  }
  wrappers.forEach(function (wrapper) {
    wrapper.addEventListener("mouseover", function (event) { var cell = cellOf(event); if (cell) show(cell); });
    wrapper.addEventListener("mouseout", function (event) { if (cellOf(event)) hide(); });
    wrapper.addEventListener("focusin", function (event) { var cell = cellOf(event); if (cell) show(cell); });
    wrapper.addEventListener("focusout", hide);
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  var wanted = new URLSearchParams(window.location.search).get("role");
  if (wanted && roles.indexOf(wanted) >= 0) {
    select.value = wanted;
    apply();
  }
})();
