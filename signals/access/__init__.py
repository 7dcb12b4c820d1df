"""Who may see and do what: users and roles (users, control), sessions and lock-out
(control), the access store's schema (store) and the tamper-evident audit log (audit)."""
