"""Localities: one folder per service (localities/<id>/local.yml), which one a build is for, and
building every service's site (make sites)."""
