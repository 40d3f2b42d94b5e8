// Start Swagger UI on /docs. Kept out of the page so the Content-Security-Policy needs no
// inline script; the page gives the schema's URL (which includes any root path) as a data attribute.
const container = document.getElementById("swagger-ui");
window.ui = SwaggerUIBundle({
  url: container.dataset.openapiUrl,
  domNode: container,
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  defaultModelsExpandDepth: 0,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
});
