"""Local details (localities/<id>/local.yml): the service's name, phone, addresses; {{ local.* }} markers."""
