// The 90-day checklist on role pages: ticks are kept per role in this browser's
// localStorage (which also works for pages opened from file://) and never leave it.
(function () {
  "use strict";

  function storage() {
    try {
      var probe = "hb-checklist-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // storage disabled: the boxes still tick, for this visit only
    }
  }

  function setUp(list, store) {
    var key = "hb-checklist:" + list.getAttribute("data-hb-checklist");
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input.hb-checklist__box"));
    var status = list.querySelector(".hb-checklist__status");
    var actions = list.querySelector(".hb-checklist__actions");
    var reset = list.querySelector(".hb-checklist__reset");

    function read() {
      try {
        var saved = JSON.parse((store && store.getItem(key)) || "{}");
        return saved && typeof saved === "object" ? saved : {};
      } catch (error) {
        return {};
      }
    }

    function report() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      status.textContent = done + " of " + boxes.length + " done" +
        (store ? "." : ". This browser does not let the page keep your ticks; they will be gone when you leave.");
      status.hidden = false;
    }

    function save() {
      var ticked = {};
      boxes.forEach(function (box) {
        if (box.checked) ticked[box.id] = true;
      });
      if (store) {
        try {
          if (Object.keys(ticked).length) store.setItem(key, JSON.stringify(ticked));
          else store.removeItem(key);
        } catch (error) { /* quota or privacy mode: keep the ticks on screen */ }
      }
      report();
    }

    var saved = read();
    boxes.forEach(function (box) {
      box.checked = saved[box.id] === true;
      box.addEventListener("change", save);
    });
    if (reset && actions) {
      actions.hidden = false;
      reset.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        save();
      });
    }
    report();
  }

  var lists = document.querySelectorAll("[data-hb-checklist]");
  if (!lists.length) return;
  var store = storage();
  Array.prototype.forEach.call(lists, function (list) { setUp(list, store); });
})();
