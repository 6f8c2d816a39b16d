/// SQL of the second-level tables (issue 4). Two guarantees live here rather than in code:
/// - no contact without a consent: `contact.consent_id` is NOT NULL, UNIQUE, a foreign key that cascades,
///   and a trigger refuses a contact under a withdrawn consent;
/// - no double booking: a partial unique index on the live seats of a slot, so a cancellation frees it.
enum BookingSchema {
  /// Code tables filled from the Core enums, so SQL enforces the codes with foreign keys.
  static let vocabularies = [
    "operator_kind", "appointment_place", "appointment_status", "absence_reason",
    "routing_override", "consent_purpose",
  ]

  static let v1 = """
    CREATE TABLE operator_structure (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL REFERENCES operator_kind(code),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      address TEXT,
      postcode TEXT,
      city TEXT,
      phone TEXT,
      email TEXT,
      source_id TEXT UNIQUE,
      is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
    );
    CREATE INDEX operator_structure_kind ON operator_structure(kind);

    CREATE TABLE operator_structure_territory (
      structure_id INTEGER NOT NULL REFERENCES operator_structure(id) ON DELETE CASCADE,
      territory_id INTEGER NOT NULL REFERENCES territory(id) ON DELETE CASCADE,
      PRIMARY KEY (structure_id, territory_id)
    ) WITHOUT ROWID;
    CREATE INDEX operator_structure_territory_territory ON operator_structure_territory(territory_id);

    CREATE TABLE advisor (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      structure_id INTEGER NOT NULL REFERENCES operator_structure(id),
      display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
      is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
    );
    CREATE INDEX advisor_structure ON advisor(structure_id);

    CREATE TABLE opening_rule (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      advisor_id INTEGER NOT NULL REFERENCES advisor(id) ON DELETE CASCADE,
      weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
      start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440 AND end_minute > start_minute),
      slot_minutes INTEGER NOT NULL
        CHECK (slot_minutes BETWEEN 5 AND 480 AND slot_minutes <= end_minute - start_minute),
      place TEXT NOT NULL REFERENCES appointment_place(code),
      group_capacity INTEGER CHECK (group_capacity IS NULL OR group_capacity BETWEEN 2 AND 100),
      valid_from INTEGER NOT NULL CHECK (valid_from BETWEEN 20000101 AND 99991231),
      valid_to INTEGER CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );
    CREATE INDEX opening_rule_advisor ON opening_rule(advisor_id);

    CREATE TABLE absence (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      advisor_id INTEGER NOT NULL REFERENCES advisor(id) ON DELETE CASCADE,
      starts_at DATETIME NOT NULL,
      ends_at DATETIME NOT NULL CHECK (ends_at > starts_at),
      reason TEXT NOT NULL REFERENCES absence_reason(code)
    );
    CREATE INDEX absence_advisor ON absence(advisor_id, ends_at);

    CREATE TABLE routing_rule (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      position INTEGER NOT NULL,
      public_category TEXT REFERENCES public_category(code),
      age_band TEXT REFERENCES age_band(code),
      request_kind TEXT REFERENCES request_kind(code),
      territory_id INTEGER REFERENCES territory(id) ON DELETE CASCADE,
      operator_kind TEXT NOT NULL REFERENCES operator_kind(code),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
      CHECK (public_category IS NOT NULL OR age_band IS NOT NULL OR request_kind IS NOT NULL)
    );

    CREATE TABLE consent_text (
      version INTEGER PRIMARY KEY,
      purpose TEXT NOT NULL REFERENCES consent_purpose(code),
      body TEXT NOT NULL CHECK (length(trim(body)) > 0),
      retention_days INTEGER NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
      published_at DATETIME NOT NULL
    );
    -- What a person agreed to must stay readable exactly as it was: texts are versioned, never edited.
    CREATE TRIGGER consent_text_frozen BEFORE UPDATE ON consent_text
    BEGIN SELECT RAISE(ABORT, 'consent texts are never edited: publish a new version'); END;
    CREATE TRIGGER consent_text_kept BEFORE DELETE ON consent_text
    BEGIN SELECT RAISE(ABORT, 'consent texts are kept'); END;

    CREATE TABLE consent (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      visit_id INTEGER NOT NULL REFERENCES visit(id),
      text_version INTEGER NOT NULL REFERENCES consent_text(version),
      purpose TEXT NOT NULL REFERENCES consent_purpose(code),
      recipient_structure_id INTEGER NOT NULL REFERENCES operator_structure(id),
      given_at DATETIME NOT NULL,
      desk_id INTEGER NOT NULL REFERENCES desk(id),
      agent TEXT,
      withdrawn_at DATETIME CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
    );
    CREATE INDEX consent_visit ON consent(visit_id);
    CREATE TRIGGER consent_stays_withdrawn BEFORE UPDATE OF withdrawn_at ON consent
    WHEN OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS NOT OLD.withdrawn_at
    BEGIN SELECT RAISE(ABORT, 'a withdrawn consent cannot be given back'); END;

    CREATE TABLE contact (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      consent_id INTEGER NOT NULL UNIQUE REFERENCES consent(id) ON DELETE CASCADE,
      first_name TEXT NOT NULL CHECK (length(trim(first_name)) BETWEEN 1 AND 60),
      last_name TEXT NOT NULL CHECK (length(trim(last_name)) BETWEEN 1 AND 60),
      phone TEXT CHECK (phone IS NULL OR phone GLOB '0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
      email TEXT CHECK (email IS NULL OR (email GLOB '?*@?*.?*' AND email = lower(email))),
      CHECK (phone IS NOT NULL OR email IS NOT NULL)
    );
    CREATE INDEX contact_phone ON contact(phone) WHERE phone IS NOT NULL;
    CREATE INDEX contact_email ON contact(email) WHERE email IS NOT NULL;
    CREATE TRIGGER contact_needs_live_consent BEFORE INSERT ON contact
    WHEN (SELECT withdrawn_at FROM consent WHERE id = NEW.consent_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'contact refused: consent withdrawn'); END;
    CREATE TRIGGER contact_keeps_its_consent BEFORE UPDATE OF consent_id ON contact
    WHEN NEW.consent_id IS NOT OLD.consent_id
    BEGIN SELECT RAISE(ABORT, 'a contact belongs to its consent'); END;

    CREATE TABLE appointment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      reference TEXT NOT NULL UNIQUE CHECK (length(reference) BETWEEN 6 AND 32),
      advisor_id INTEGER NOT NULL REFERENCES advisor(id),
      starts_at DATETIME NOT NULL,
      ends_at DATETIME NOT NULL CHECK (ends_at > starts_at),
      seat INTEGER NOT NULL DEFAULT 0 CHECK (seat BETWEEN 0 AND 99),
      day INTEGER NOT NULL CHECK (day BETWEEN 20000101 AND 99991231),
      place TEXT NOT NULL REFERENCES appointment_place(code),
      visit_id INTEGER NOT NULL REFERENCES visit(id),
      consent_id INTEGER NOT NULL REFERENCES consent(id),
      desk_id INTEGER NOT NULL REFERENCES desk(id),
      delay_days INTEGER NOT NULL,
      routing_override TEXT REFERENCES routing_override(code),
      status TEXT NOT NULL DEFAULT 'booked' REFERENCES appointment_status(code),
      status_at DATETIME,
      cancelled_at DATETIME,
      created_at DATETIME NOT NULL,
      CHECK ((status IN ('excused', 'revoked')) = (cancelled_at IS NOT NULL))
    );
    -- One live booking per seat of a slot: the last word on double booking, whatever the code above does.
    CREATE UNIQUE INDEX appointment_live_slot ON appointment(advisor_id, starts_at, seat)
      WHERE cancelled_at IS NULL;
    CREATE INDEX appointment_advisor_day ON appointment(advisor_id, day);
    CREATE INDEX appointment_visit ON appointment(visit_id);
    CREATE INDEX appointment_consent ON appointment(consent_id);
    CREATE INDEX appointment_unfilled ON appointment(ends_at) WHERE status = 'booked';
    -- A live appointment needs a live consent of the same visit, given for the advisor's structure.
    CREATE TRIGGER appointment_needs_consent BEFORE INSERT ON appointment
    WHEN NOT EXISTS (
      SELECT 1 FROM consent JOIN advisor ON advisor.id = NEW.advisor_id
      WHERE consent.id = NEW.consent_id AND consent.visit_id = NEW.visit_id
        AND consent.withdrawn_at IS NULL AND consent.recipient_structure_id = advisor.structure_id)
    BEGIN SELECT RAISE(ABORT, 'appointment refused: no live consent for this structure'); END;
    CREATE TRIGGER appointment_keeps_consent BEFORE UPDATE OF advisor_id, consent_id, visit_id, cancelled_at
      ON appointment
    WHEN NEW.cancelled_at IS NULL AND NOT EXISTS (
      SELECT 1 FROM consent JOIN advisor ON advisor.id = NEW.advisor_id
      WHERE consent.id = NEW.consent_id AND consent.visit_id = NEW.visit_id
        AND consent.withdrawn_at IS NULL AND consent.recipient_structure_id = advisor.structure_id)
    BEGIN SELECT RAISE(ABORT, 'appointment refused: no live consent for this structure'); END;
    """
}
