"""Local details (docs/data/local.yml): the service's name, phone, addresses; {{ local.* }} markers."""
