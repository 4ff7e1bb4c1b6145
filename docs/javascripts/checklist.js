// The 90-day checklist on role pages and new starters' pages: ticks are kept per
// list in this browser's localStorage (which also works for pages opened from
// file://) and never leave it. Where the list offers it (data-hb-share), "Share my
// progress" makes a link whose fragment (#done=...) carries the ticks; opening that
// link shows those ticks read-only, without touching the reader's own.
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
    var share = list.querySelector(".hb-checklist__share");
    var shown = list.querySelector(".hb-checklist__link");
    var shared = sharedTicks(boxes.length);

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
      if (shared) {
        status.textContent = "Shared progress: " + done + " of " + boxes.length + " done. These ticks came with the link; your own are unchanged.";
      } else if (!store) {
        status.textContent = (done ? done + " of " + boxes.length + " done. " : "") +
          "This browser does not let the page keep your ticks; they will be gone when you leave.";
      } else {
        // Nothing to say before the first tick.
        status.textContent = done ? done + " of " + boxes.length + " done." : "";
      }
      status.hidden = !status.textContent;
      if (actions) actions.hidden = shared !== null || done === 0;
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

    if (shared) {
      boxes.forEach(function (box, index) {
        box.checked = shared.indexOf(index) !== -1;
        box.disabled = true;
      });
      report();
      return;
    }
    var saved = read();
    boxes.forEach(function (box) {
      box.checked = saved[box.id] === true;
      box.addEventListener("change", save);
    });
    if (reset) {
      reset.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        save();
        if (shown) shown.hidden = true;
      });
    }
    if (share && shown && list.hasAttribute("data-hb-share")) {
      share.hidden = false;
      share.addEventListener("click", function () {
        var ticked = [];
        boxes.forEach(function (box, index) { if (box.checked) ticked.push(index); });
        var url = location.href.split("#")[0] + "#done=" + ticked.join(".");
        var field = shown.querySelector("input");
        field.value = url;
        shown.hidden = false;
        field.focus();
        field.select();
        if (navigator.clipboard) navigator.clipboard.writeText(url).catch(function () { /* the field shows it */ });
      });
    }
    report();
  }

  // The ticks a shared link carries: "#done=0.3.4" -> [0, 3, 4]; null for no or a broken fragment.
  function sharedTicks(count) {
    var match = /^#done=([0-9.]*)$/.exec(location.hash);
    if (!match) return null;
    var found = match[1] ? match[1].split(".").map(Number) : [];
    var valid = found.every(function (n) { return n >= 0 && n < count && Math.floor(n) === n; });
    return valid ? found : null;
  }

  var lists = document.querySelectorAll("[data-hb-checklist]");
  if (!lists.length) return;
  var store = storage();
  Array.prototype.forEach.call(lists, function (list) { setUp(list, store); });
})();
