"""What every app shares: roles, the error family, permissions, API plumbing, the admin site and
the outbound HTTP guard. Imports no app: articles, claims and consumers build on it."""
