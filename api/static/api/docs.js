// Starts Swagger UI on the API's documentation page with the settings the page carries as
// JSON data: no inline script, so that the Content Security Policy needs no 'unsafe-inline'.
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("swagger-settings").textContent);
  settings.dom_id = "#swagger-ui";
  settings.presets = [window.SwaggerUIBundle.presets.apis];
  window.SwaggerUIBundle(settings);
})();
