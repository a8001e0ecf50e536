"""Accessibility fixes to Material's markup."""
