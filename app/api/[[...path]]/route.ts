import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/errors";

// Any API path without a route answers the API's JSON error (401 before sign-in, 404 after),
// never an HTML page.
const unknownRoute = apiRoute(async () => {
  throw notFound();
});

export {
  unknownRoute as GET,
  unknownRoute as POST,
  unknownRoute as PUT,
  unknownRoute as PATCH,
  unknownRoute as DELETE,
};
