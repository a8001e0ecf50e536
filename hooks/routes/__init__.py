"""Route tables: the route data (docs/data/routes.yml) and the tables made from it."""
