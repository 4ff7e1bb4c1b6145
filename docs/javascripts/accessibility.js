// Material's search overlay has role="dialog" but no accessible name (axe: aria-dialog-name).
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search the handbook");
  }
})();
