"""A database written by the previous release (git commit 9f6a447), for the migration test."""
