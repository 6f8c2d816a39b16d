import Foundation
import GRDB
import GuichetCore

/// Looks for erased values in the raw bytes of database files: as typed, in lower case and folded (a search
/// miss stores « xanthippe »), each in UTF-8, UTF-16LE and UTF-16BE.
public enum ErasureResidue {
  /// The main file and the two SQLite keeps next to it.
  public static func files(of path: String) -> [String] { ["", "-wal", "-shm"].map { path + $0 } }

  /// One line per value found: file, value and encoding. Empty when the files are clean.
  public static func hits(of values: [String], in paths: [String]) -> [String] {
    let forms = Set(values.flatMap { [$0, $0.lowercased(), SearchText.normalize($0)] })
    let needles = forms.sorted().flatMap { form -> [(String, Data)] in
      [
        ("\(form) (UTF-8)", Data(form.utf8)),
        ("\(form) (UTF-16LE)", form.data(using: .utf16LittleEndian) ?? Data()),
        ("\(form) (UTF-16BE)", form.data(using: .utf16BigEndian) ?? Data()),
      ]
    }
    return paths.flatMap { path -> [String] in
      guard let bytes = FileManager.default.contents(atPath: path), !bytes.isEmpty else {
        return []
      }
      return needles.compactMap { label, needle in
        bytes.range(of: needle) == nil ? nil : "\(path) : \(label)"
      }
    }
  }
}

/// The three ways an erased person was found left behind (issue 13), tried on temporary files with the
/// store's own calls and checked byte by byte: a name typed in the search box, a read held by another desk
/// while the erasure ran, and a backup taken before the erasure and then restored. `guichet bench --only
/// attacks` runs them; the tests run them too, and drive the same cases through the real binary.
public enum ErasureScenarios {
  /// A person whose name, phone and e-mail appear nowhere in the reference data.
  public struct Person: Sendable {
    public var firstName = "Zélie"
    public var lastName = "Xanthippe"
    public var phone = "06 11 22 33 44"
    public var email = "zelie.xanthippe@example.org"
    public init() {}
    public var phoneDigits: String { phone.filter(\.isNumber) }
    /// What must not be left in any byte once the person is erased.
    public var values: [String] { [lastName, phoneDigits, email] }
  }

  public struct Outcome: Sendable {
    public var name: String
    /// Erased values found in the files at the end: « file : value (encoding) ».
    public var residues: [String] = []
    /// Anything else that did not hold (the contact back, a booking live, no scrub pending reported…).
    public var problems: [String] = []
    public var milliseconds: Double = 0
    public var clean: Bool { residues.isEmpty && problems.isEmpty }
  }

  public static let person = Person()

  /// Every scenario in a private folder removed afterwards; a scenario that throws counts as not clean.
  public static func runAll() -> [Outcome] {
    let scenarios: [(String, (URL) throws -> Outcome)] = [
      ("search_miss", searchMiss), ("held_read", heldRead), ("restored_backup", restoredBackup),
    ]
    return scenarios.map { name, scenario in
      let start = Date()
      var outcome: Outcome
      do {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
          "guichet-erasure-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        outcome = try scenario(folder)
      } catch {
        outcome = Outcome(name: name, problems: ["\(error)"])
      }
      outcome.milliseconds = Date().timeIntervalSince(start) * 1000
      return outcome
    }
  }

  /// The name typed in the search box (twice, as agents do), then `person erase`.
  public static func searchMiss(_ folder: URL) throws -> Outcome {
    let path = folder.appendingPathComponent("miss.sqlite").path
    let (database, pool) = try fileDatabase(path)
    defer { try? pool.close() }
    let (workplace, _) = try addPerson(database)
    for typed in ["\(person.firstName) \(person.lastName)", person.lastName.lowercased()] {
      try database.recordSearchMiss(typed, workplace: workplace, at: Date())
    }
    var outcome = Outcome(name: "search_miss")
    _ = try database.erasePerson(phone: try PhoneNumber(parsing: person.phone), by: .commandLine)
    let left = try pool.read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM search_miss WHERE query_normalized LIKE ?",
        arguments: ["%\(SearchText.normalize(person.lastName))%"]) ?? 0
    }
    if left > 0 { outcome.problems.append("\(left) recherche(s) gardent le nom") }
    outcome.residues = ErasureResidue.hits(of: person.values, in: ErasureResidue.files(of: path))
    return outcome
  }

  /// Another connection holds a read transaction while the erasure runs: the erasure must say its scrub is
  /// pending; once the read ends, the retention run (`guichet purge`) must leave the files clean.
  public static func heldRead(_ folder: URL) throws -> Outcome {
    let path = folder.appendingPathComponent("held.sqlite").path
    let (database, pool) = try fileDatabase(path, busyTimeout: 0.3)
    defer { try? pool.close() }
    _ = try addPerson(database)
    var outcome = Outcome(name: "held_read")
    var readerConfiguration = AppDatabase.configuration()
    readerConfiguration.allowsUnsafeTransactions = true
    let reader = try DatabaseQueue(path: path, configuration: readerConfiguration)
    try reader.inDatabase { db in
      try db.execute(sql: "BEGIN")
      _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM contact")
    }
    _ = try database.erasePerson(phone: try PhoneNumber(parsing: person.phone), by: .commandLine)
    if try !database.isScrubPending() {
      outcome.problems.append("l'effacement n'a pas signalé le nettoyage en attente")
    }
    try reader.inDatabase { db in try db.execute(sql: "COMMIT") }
    try reader.close()
    let report = try database.purgeForRetention()
    if report.scrub != .clean { outcome.problems.append("purge : nettoyage \(report.scrub)") }
    if try database.isScrubPending() { outcome.problems.append("marque de nettoyage restée") }
    outcome.residues = ErasureResidue.hits(of: person.values, in: ErasureResidue.files(of: path))
    return outcome
  }

  /// A backup taken while the person was there, the erasure, then `guichet restore` of that backup.
  public static func restoredBackup(_ folder: URL) throws -> Outcome {
    let path = folder.appendingPathComponent("live.sqlite").path
    let backup = folder.appendingPathComponent("avant.sqlite").path
    var outcome = Outcome(name: "restored_backup")
    let reference: BookingReference
    do {
      let (database, pool) = try fileDatabase(path)
      defer { try? pool.close() }
      reference = try addPerson(database).1
      _ = try database.backup(to: backup, replacing: false)
      _ = try database.erasePerson(phone: try PhoneNumber(parsing: person.phone), by: .commandLine)
    }
    let report = try DatabaseRestore.restore(from: backup, into: path)
    if report.reerased != 1 {
      outcome.problems.append("\(report.reerased) personne(s) réeffacée(s)")
    }
    let (database, pool) = try fileDatabase(path)
    defer { try? pool.close() }
    outcome.problems += try restoredProblems(database, reference: reference)
    try pool.close()
    outcome.residues = ErasureResidue.hits(
      of: person.values,
      in: ErasureResidue.files(of: path) + (report.previous.map(ErasureResidue.files) ?? []))
    return outcome
  }

  /// What must hold in a live file after the restore of a backup that predates the erasure.
  public static func restoredProblems(_ database: AppDatabase, reference: BookingReference) throws
    -> [String]
  {
    var problems: [String] = []
    if try !database.person(phone: try PhoneNumber(parsing: person.phone), by: .commandLine).isEmpty
    {
      problems.append("les coordonnées sont revenues")
    }
    if try database.appointment(reference: reference, by: .commandLine)?.status == .booked {
      problems.append("le rendez-vous est encore « réservé »")
    }
    let actions = try database.auditEntries(subject: "contact", by: .commandLine).map(\.action)
    if !actions.contains(.contactErased) {
      problems.append("l'effacement manque au journal d'audit")
    }
    return problems
  }

  /// A file database holding the bundled reference (copied from the in-memory template, as fast as a copy).
  static func fileDatabase(_ path: String, busyTimeout: TimeInterval? = nil) throws -> (
    AppDatabase, DatabasePool
  ) {
    let fresh = !FileManager.default.fileExists(atPath: path)
    var configuration = AppDatabase.configuration()
    if let busyTimeout {
      configuration.busyMode = .callback(ShortBusyWait.callback(timeout: busyTimeout))
    }
    let pool = try DatabasePool(path: path, configuration: configuration)
    if fresh { try AppDatabase.inMemory(bundledReference: true).writer.backup(to: pool) }
    return (try AppDatabase(pool), pool)
  }

  /// The person, with their consent, contact and a booking tomorrow or later; returns the desk and booking.
  public static func addPerson(_ database: AppDatabase, now: Date = Date()) throws -> (
    Workplace, BookingReference
  ) {
    let workplace = try database.workplace(siteName: "Accueil Essai", deskName: "Poste 1")
    guard let territoryID = try database.territories().first?.id else {
      throw UserError("Aucun territoire dans la base d'essai.")
    }
    let structure = try database.saveOperatorStructure(
      OperatorStructure(
        kind: .missionLocale, name: "Mission locale Essai", address: "2 rue du Port",
        postcode: "38200", city: "Vienne", phone: "04 74 00 00 00", territoryIDs: [territoryID]),
      by: .commandLine)
    guard let structureID = structure.id else { throw UserError("Structure non enregistrée.") }
    let advisor = try database.saveAdvisor(
      Advisor(structureID: structureID, displayName: "Claire Martin"), by: .commandLine)
    guard let advisorID = advisor.id else { throw UserError("Conseiller non enregistré.") }
    let today = LocalDate(now)
    _ = try database.saveOpeningRule(
      OpeningRule(
        advisorID: advisorID, weekdays: Set(Weekday.allCases), start: TimeOfDay(hour: 9)!,
        end: TimeOfDay(hour: 12)!, slotMinutes: 30, validFrom: today), by: .commandLine)
    let visit = try database.save(
      Visit(
        siteID: workplace.siteID, deskID: workplace.deskID, arrivedAt: now,
        publicCategory: .jobSeeker, ageBand: .from26to44, territoryID: territoryID,
        requestKinds: [.jobSearch], day: today.number), by: .commandLine)
    guard let visitID = visit.id else { throw UserError("Visite non enregistrée.") }
    let consent = try database.recordConsent(
      visitID: visitID, textVersion: database.consentText().version,
      recipientStructureID: structureID, deskID: workplace.deskID, by: .commandLine, at: now)
    guard let consentID = consent.id else { throw UserError("Consentement non enregistré.") }
    let start = LocalClock.startOfDay(today.adding(days: 1))
    guard
      let slot = try database.freeSlots(
        advisorID: advisorID, from: start, to: start.addingTimeInterval(7 * 86_400), now: now
      ).first
    else { throw UserError("Aucun créneau libre dans la base d'essai.") }
    let booking = try database.book(
      reference: .generate(), slot: slot, visitID: visitID, consentID: consentID,
      contact: try Contact.validate(
        firstName: person.firstName, lastName: person.lastName, phone: person.phone,
        email: person.email), by: .commandLine, now: now)
    return (workplace, booking.reference)
  }
}
