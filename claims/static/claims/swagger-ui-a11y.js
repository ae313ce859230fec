// Swagger UI draws a parameter's value control without a name; screen readers then announce
// a bare "combo box". Name each control after its parameter, also in sections opened later.
(function () {
  function nameControls(root) {
    root.querySelectorAll("tr[data-param-name]").forEach(function (row) {
      var name = row.getAttribute("data-param-name") + " (" + row.getAttribute("data-param-in") + ")";
      row.querySelectorAll("select, input, textarea").forEach(function (control) {
        if (!control.getAttribute("aria-label") && !control.labels.length) {
          control.setAttribute("aria-label", name);
        }
      });
    });
  }
  new MutationObserver(function () { nameControls(document); })
    .observe(document.getElementById("swagger-ui"), { childList: true, subtree: true });
})();
