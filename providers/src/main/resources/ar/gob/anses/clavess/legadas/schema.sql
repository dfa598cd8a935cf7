-- The claves of the agency's current system, read by the jdbc provider of SPI anses-claves-legadas. PostgreSQL 12
-- or newer. The deployer loads it from the old system's export (COPY); Clave SS only reads it, one row by CUIL at a
-- citizen's first login, so the primary key is the only index it needs. Each row is what the old system keeps:
-- the hash string exactly as stored there and its algorithm (format per algorithm in docs/claves-legadas.md).

CREATE TABLE clave_legada (
    cuil             char(11) COLLATE "C" PRIMARY KEY CHECK (cuil ~ '^2[034567][0-9]{9}$'),
    hash             text     NOT NULL,
    algoritmo        text     NOT NULL CHECK (algoritmo IN ('bcrypt', 'pbkdf2-sha1', 'pbkdf2-sha256', 'sha1', 'sha256')),
    nivel            smallint NOT NULL CHECK (nivel IN (2, 3)),
    email            text,
    email_confirmado boolean  NOT NULL DEFAULT false CHECK (NOT email_confirmado OR email IS NOT NULL),
    estado           text     NOT NULL DEFAULT 'HABILITADA' CHECK (estado IN ('HABILITADA', 'PENDIENTE')),
    creada           date,    -- when the clave was made; required for a PENDIENTE one: its 90 days run from it
    CHECK (estado = 'HABILITADA' OR (creada IS NOT NULL AND email IS NOT NULL))
);
