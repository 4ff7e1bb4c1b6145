// Search from file://: browsers refuse `new Worker("file:///...")`, so when the
// handbook is opened from a folder this runs the search worker's script inside
// a hidden same-origin iframe and passes messages in and out. Over http(s) it
// does nothing. The file name contains "iframe-worker" so that Material's
// offline plugin uses it instead of fetching its own shim from a CDN.
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function FileWorker(url) {
    var worker = this;
    var listeners = [];
    var pending = [];
    var scope = null;
    this.onmessage = null;

    function deliver(data) {
      var event = new MessageEvent("message", { data: data });
      if (typeof worker.onmessage === "function") worker.onmessage(event);
      listeners.slice().forEach(function (listener) { listener.call(worker, event); });
    }
    function send(data) {
      scope.dispatchEvent(new MessageEvent("message", { data: data }));
    }

    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = "Search worker";
    frame.setAttribute("aria-hidden", "true");
    frame.srcdoc = "<!doctype html><meta charset=\"utf-8\"><title>Search worker</title><body></body>";
    frame.addEventListener("load", function () {
      scope = frame.contentWindow;
      // What the worker calls `postMessage` answers the page, asynchronously as a worker would.
      scope.postMessage = function (data) { setTimeout(function () { deliver(data); }, 0); };
      var script = scope.document.createElement("script");
      script.src = new URL(url, document.baseURI).href;
      script.onload = function () {
        var queued = pending;
        pending = null;
        queued.forEach(send);
      };
      scope.document.body.appendChild(script);
    });
    document.body.appendChild(frame);

    this.postMessage = function (data) {
      if (pending) pending.push(data); else send(data);
    };
    this.addEventListener = function (type, listener) {
      if (type === "message") listeners.push(listener);
    };
    this.removeEventListener = function (type, listener) {
      listeners = listeners.filter(function (known) { return known !== listener; });
    };
    this.terminate = function () { frame.remove(); };
  }

  window.Worker = FileWorker;
})();
