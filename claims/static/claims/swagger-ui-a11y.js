// Swagger UI draws a parameter's value control (and the server list) without a name; screen readers then announce
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
  function nameServers(root) {
    // The server list is a <select id="servers"> whose label holds no text.
    var servers = root.getElementById("servers");
    if (servers && !servers.getAttribute("aria-label")) {
      servers.setAttribute("aria-label", "Server");
    }
  }
  new MutationObserver(function () { nameControls(document); nameServers(document); })
    .observe(document.getElementById("swagger-ui"), { childList: true, subtree: true });
})();
