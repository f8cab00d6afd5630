-- User names are unique without regard to case: "ADMIN" cannot stand beside "admin" (issue 28).
CREATE UNIQUE INDEX app_user_name_without_case ON app_user (LOWER(name));
