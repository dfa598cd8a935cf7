-- The citizen registry (padrón) read by the jdbc provider of SPI anses-padron. PostgreSQL 12 or newer.
-- One row per person; every list of the JSON format is a child table keyed by (cuil, orden), which keeps
-- the order; employer names, shared by many people, are stored once. Every lookup is by CUIL, so the
-- primary keys are the indexes the provider needs: one B-tree descent per table, whatever the size.
-- CUILs and numbers use the C collation: byte comparison, no locale rules on digits.

CREATE TABLE padron_persona (
    cuil                 char(11) COLLATE "C" PRIMARY KEY CHECK (cuil ~ '^2[034567][0-9]{9}$'),
    nombre               text     NOT NULL,
    apellido             text     NOT NULL,
    dni                  char(8)  COLLATE "C" NOT NULL CHECK (dni = substr(cuil, 3, 8)),
    fecha_nacimiento     date     NOT NULL,
    sexo                 char(1)  NOT NULL CHECK (sexo IN ('F', 'M', 'X')),
    provincia_nacimiento text,    -- as written in Catalogo.PROVINCIAS; null: born abroad or unknown
    fecha_emision_dni    date,
    categoria_autonomo   char(1)  CHECK (categoria_autonomo BETWEEN 'A' AND 'K'), -- null: never self-employed
    residencia           text     NOT NULL DEFAULT 'ARGENTINA' CHECK (residencia IN ('ARGENTINA', 'EXTERIOR')),
    bajo_curatela        boolean  NOT NULL DEFAULT false
);

-- Trámite numbers of the person's valid DNIs (none: questions only).
CREATE TABLE padron_tramite (
    cuil    char(11) COLLATE "C" NOT NULL,
    orden   smallint NOT NULL,
    tramite char(11) COLLATE "C" NOT NULL CHECK (tramite ~ '^[0-9]{11}$'),
    PRIMARY KEY (cuil, orden)
);

CREATE TABLE padron_empleador (
    id     integer PRIMARY KEY,
    nombre text    NOT NULL UNIQUE
);

CREATE TABLE padron_persona_empleador (
    cuil         char(11) COLLATE "C" NOT NULL,
    orden        smallint NOT NULL,
    empleador_id integer  NOT NULL,
    PRIMARY KEY (cuil, orden)
);

-- Benefits, named as in Catalogo.PRESTACIONES.
CREATE TABLE padron_prestacion (
    cuil       char(11) COLLATE "C" NOT NULL,
    orden      smallint NOT NULL,
    prestacion text     NOT NULL,
    PRIMARY KEY (cuil, orden)
);

-- The wards of a curador (a ward need not be in the registry, so curado_cuil has no foreign key).
CREATE TABLE padron_curado (
    curador_cuil char(11) COLLATE "C" NOT NULL,
    orden        smallint NOT NULL,
    curado_cuil  char(11) COLLATE "C" NOT NULL,
    PRIMARY KEY (curador_cuil, orden)
);

-- @after-load: constraints checked row by row would slow a bulk load of millions; add them after it.
ALTER TABLE padron_tramite ADD FOREIGN KEY (cuil) REFERENCES padron_persona ON DELETE CASCADE;
ALTER TABLE padron_persona_empleador ADD FOREIGN KEY (cuil) REFERENCES padron_persona ON DELETE CASCADE;
ALTER TABLE padron_persona_empleador ADD FOREIGN KEY (empleador_id) REFERENCES padron_empleador;
ALTER TABLE padron_prestacion ADD FOREIGN KEY (cuil) REFERENCES padron_persona ON DELETE CASCADE;
ALTER TABLE padron_curado ADD FOREIGN KEY (curador_cuil) REFERENCES padron_persona ON DELETE CASCADE;
-- Only for the foreign key above: deleting or merging an employer finds its people without a full scan.
CREATE INDEX padron_persona_empleador_empleador ON padron_persona_empleador (empleador_id);
