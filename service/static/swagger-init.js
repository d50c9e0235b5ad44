// Starts Swagger UI on /schema/swagger with this server's OpenAPI document (a file, not an inline script, so the
// page's Content-Security-Policy can allow scripts from this server only).
window.ui = SwaggerUIBundle({
  url: "/schema/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
