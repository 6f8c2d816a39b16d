import Foundation
import GRDB
import GuichetCore

/// What `guichet demo` asks for: how many opening days back from `lastDay`, about how many visits a day, the seed.
public struct DemoOptions: Sendable {
  /// Demonstration sites are named « Démo · … », so nobody takes them for real ones.
  public static let sitePrefix = "Démo · "

  public var days: Int
  public var perDay: Int
  public var seed: UInt64
  public var lastDay: LocalDate
  public var sites: Int
  public var desksPerSite: Int
  /// Appointments before this instant get an attendance; later ones stay booked.
  public var now: Date

  public init(
    days: Int, perDay: Int, seed: UInt64, lastDay: LocalDate, sites: Int = 3,
    desksPerSite: Int = 3, now: Date
  ) {
    self.days = days
    self.perDay = perDay
    self.seed = seed
    self.lastDay = lastDay
    self.sites = sites
    self.desksPerSite = desksPerSite
    self.now = now
  }
}

public struct DemoSummary: Equatable, Sendable {
  public var visits = 0
  public var appointments = 0
  public var firstDay: LocalDate
  public var lastDay: LocalDate
  public var sites = 0
  public var desks = 0
}

/// Demonstration data: synthetic visits, consents and appointments, every row flagged `synthetic = 1`, on
/// sites and operator structures named « Démo · … ». No contact is ever created. Rows are written in large
/// transactions, days in order; the rollup triggers are set aside for each batch and the batch's cells
/// added at once, in the same transaction, so the rollups stay exact.
extension AppDatabase {
  public func loadDemo(_ options: DemoOptions, progress: (Int) -> Void = { _ in }) throws
    -> DemoSummary
  {
    guard (1...5_000).contains(options.days) else {
      throw UserError("Le nombre de jours va de 1 à 5000.")
    }
    guard (1...10_000).contains(options.perDay) else {
      throw UserError("Le nombre de visites par jour va de 1 à 10000.")
    }
    return try StoreErrors.run("Création des données de démonstration") {
      var loader = try writer.write { db in try DemoLoader(db, options: options) }
      var day = options.lastDay.adding(days: 1 - options.days)
      var summary = DemoSummary(
        firstDay: day, lastDay: options.lastDay, sites: loader.sites.count,
        desks: loader.sites.reduce(0) { $0 + $1.desks.count })
      while day <= options.lastDay {
        let batchEnd = min(options.lastDay, day.adding(days: 29))
        let first = day
        let written = try writer.write { db in
          try loader.writeBatch(db, from: first, to: batchEnd)
        }
        summary.visits += written.visits
        summary.appointments += written.appointments
        progress(summary.visits)
        day = batchEnd.adding(days: 1)
      }
      return summary
    }
  }
}

struct DemoLoader {
  struct Site {
    var id: Int64
    var desks: [Int64]
    var territories: [Int64]
    var weight: Double
  }

  var options: DemoOptions
  var random: DemoRandom
  var sites: [Site] = []
  var advisors: [OperatorKind: [(advisor: Int64, structure: Int64)]] = [:]
  var occupations: [String] = []
  var certifications: [String] = []
  /// Seats taken per advisor and start (epoch minutes), so no two live demo appointments share a seat.
  var seats: [Int64: [Int: Int]] = [:]
  let textVersion: Int

  init(_ db: Database, options: DemoOptions) throws {
    self.options = options
    random = DemoRandom(seed: options.seed)
    let territories = try Int64.fetchAll(db, sql: "SELECT id FROM territory ORDER BY id")
    let names = DemoProfile.siteNames
    for index in 0..<max(1, options.sites) {
      let name =
        DemoOptions.sitePrefix + names[index % names.count]
        + (index >= names.count ? " \(index)" : "")
      try db.execute(
        sql: "INSERT INTO site (name) VALUES (?) ON CONFLICT(name) DO NOTHING", arguments: [name])
      let siteID =
        try Int64.fetchOne(db, sql: "SELECT id FROM site WHERE name = ?", arguments: [name]) ?? 0
      var desks: [Int64] = []
      for deskIndex in 1...max(1, options.desksPerSite) {
        try db.execute(
          sql: "INSERT INTO desk (site_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
          arguments: [siteID, "Poste \(deskIndex)"])
        desks.append(
          try Int64.fetchOne(
            db, sql: "SELECT id FROM desk WHERE site_id = ? AND name = ?",
            arguments: [siteID, "Poste \(deskIndex)"]) ?? 0)
      }
      let city = String(names[index % names.count].split(separator: " ").first ?? "")
      let named = try Int64.fetchOne(
        db, sql: "SELECT id FROM territory WHERE name LIKE ? ORDER BY id", arguments: ["%\(city)%"])
      let home =
        named.map { [$0] } ?? (territories.isEmpty ? [] : [territories[index % territories.count]])
      let next = territories.isEmpty ? [] : [territories[(index + 1) % territories.count]]
      sites.append(
        Site(id: siteID, desks: desks, territories: home + next, weight: index == 0 ? 2 : 1))
    }
    for kind in DemoProfile.operatorKinds {
      try db.execute(
        sql: """
          INSERT INTO operator_structure (kind, name, phone, source_id) VALUES (?, ?, ?, ?)
          ON CONFLICT(source_id) DO NOTHING
          """,
        // A bookable structure needs a phone (the slip gives it); this one is the demonstration's.
        arguments: [
          kind.rawValue, "Démo · \(kind.label)", "04 00 00 00 00", "demo-\(kind.rawValue)",
        ])
      let structure =
        try Int64.fetchOne(
          db, sql: "SELECT id FROM operator_structure WHERE source_id = ?",
          arguments: ["demo-\(kind.rawValue)"]) ?? 0
      var ids = try Int64.fetchAll(
        db, sql: "SELECT id FROM advisor WHERE structure_id = ? ORDER BY id", arguments: [structure]
      )
      while ids.count < 4 {
        try db.execute(
          sql: "INSERT INTO advisor (structure_id, display_name) VALUES (?, ?)",
          arguments: [structure, "Conseiller démo \(ids.count + 1)"])
        ids.append(db.lastInsertedRowID)
      }
      advisors[kind] = ids.map { ($0, structure) }
    }
    var shuffle = DemoRandom(seed: options.seed ^ 0x5EED)
    occupations = Self.spread(
      try String.fetchAll(
        db, sql: "SELECT code FROM occupation WHERE length(code) = 5 ORDER BY code"),
      &shuffle)
    certifications = Self.spread(
      try String.fetchAll(
        db, sql: "SELECT code FROM certification WHERE is_active = 1 ORDER BY code"),
      &shuffle)
    textVersion = try Int.fetchOne(db, sql: "SELECT max(version) FROM consent_text") ?? 1
  }

  /// Every seventh fiche, shuffled by the seed: a spread over all domains, the same for the same seed.
  static func spread(_ codes: [String], _ random: inout DemoRandom) -> [String] {
    var picked = codes.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
    for index in picked.indices.reversed() where index > 0 {
      picked.swapAt(index, random.int(0..<(index + 1)))
    }
    return Array(picked.prefix(300))
  }

  mutating func writeBatch(_ db: Database, from first: LocalDate, to last: LocalDate) throws
    -> (visits: Int, appointments: Int)
  {
    for name in SupervisionSchema.triggerNames {
      try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
    }
    let statements = try DemoStatements(db)
    let firstID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM visit") ?? 0) + 1
    var written = (visits: 0, appointments: 0)
    var day = first
    while day <= last {
      let count = visitCount(on: day)
      if count > 0 {
        let result = try writeDay(day, count: count, statements)
        written.visits += count
        written.appointments += result
      }
      day = day.adding(days: 1)
    }
    try db.execute(
      sql: SupervisionSchema.applyCells(sign: "1", condition: "visit_id >= \(firstID)"))
    try db.execute(sql: SupervisionSchema.triggers)
    return written
  }

  mutating func visitCount(on day: LocalDate) -> Int {
    guard let weight = DemoProfile.weekdayWeights[day.weekday], !PublicHolidays.isHoliday(day)
    else { return 0 }
    let season = DemoProfile.monthWeights[day.month - 1]
    let expected = Double(options.perDay) * weight * season / 0.95
    return max(0, Int((expected * (0.85 + 0.3 * random.unit())).rounded()))
  }
}
