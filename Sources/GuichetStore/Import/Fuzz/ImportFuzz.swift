import Foundation
import GRDB
import GuichetCore

/// Import fuzzing (issue 7, part 3): every file the importers read, damaged in named and seeded random ways, must be
/// refused with its name and a line inside the damaged record, and must leave the database exactly as it was.
/// Most mutants damage excerpts (the first records of every file of the dataset) so a run stays short; some damage
/// the full real files. Used by the test suite and by `guichet bench faults`.
public enum ImportFuzz {
  public struct Figures: Sendable {
    public var tried = 0
    /// Refused with the damaged file's name and a line inside the damaged record.
    public var rejectedWithLine = 0
    /// Mutants after which the database's content differed (must be 0).
    public var databaseChanged = 0
    /// What went wrong, one line per mutant that was accepted, refused without its line, or changed the database.
    public var failures: [String] = []
    /// Refusal messages seen, one per mutation kind, for a reader to check their wording.
    public var messages: [String: String] = [:]

    public init() {}
  }

  /// Records kept in an excerpt, header included.
  static let excerptRecords = 300

  /// Imports the real files of `dataFolder` into a new database at `databasePath`, then damages every target and
  /// imports each mutant into it. Each file gets the named mutants and `random` seeded ones on its excerpt, and two on
  /// the full real file. A second connection watches for any commit (`PRAGMA data_version`); when it sees one, and
  /// at the end of the run, every row of every table is compared with the state before the run. `scratch` is a folder the run may fill.
  public static func run(
    dataFolder: URL, databasePath: String, scratch: URL, seed: UInt64, random: Int
  ) throws -> Figures {
    let database = try AppDatabase.open(path: databasePath, bundledReference: false)
    _ = try database.importAllReference(from: dataFolder)
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(30)
    let observer = try DatabaseQueue(path: databasePath, configuration: configuration)
    var figures = Figures()
    let excerpts = scratch.appendingPathComponent("excerpts")
    let before = try DatabaseFingerprint.of(database.writer)
    for (index, target) in ImportFuzzTarget.all.enumerated() {
      let folder = dataFolder.appendingPathComponent(target.dataset.defaultFolder)
      let excerpt = try excerptFolder(of: folder, into: excerpts)
      let full = [UInt8](try Data(contentsOf: folder.appendingPathComponent(target.file)))
      let short = [UInt8](try Data(contentsOf: excerpt.appendingPathComponent(target.file)))
      let fileSeed = seed &+ UInt64(index) &* 0x1000_0000
      let mutants =
        named(target, short, seed: fileSeed) + onFullFile(target, full, seed: fileSeed &+ 1)
        + randomMutants(target, short, seed: fileSeed &+ 2, count: random)
      for mutant in mutants {
        let version = try observer.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        try attempt(mutant, target, siblings: excerpt, database, scratch, &figures)
        // The version also moves when the writer restarts the WAL after a checkpoint: then compare every row.
        if try observer.read({ db in try Int.fetchOne(db, sql: "PRAGMA data_version") }) != version,
          try DatabaseFingerprint.of(database.writer) != before
        {
          figures.databaseChanged += 1
          figures.failures.append("\(target.file), \(mutant.kind) : la base a changé")
        }
      }
    }
    if try DatabaseFingerprint.of(database.writer) != before {
      figures.databaseChanged += 1
      figures.failures.append("le contenu de la base a changé au cours de l’essai")
    }
    return figures
  }

  // MARK: mutants

  /// The fixed list: every kind of damage once, on the full file.
  static func named(_ target: ImportFuzzTarget, _ bytes: [UInt8], seed: UInt64) -> [ImportMutant] {
    let mebibyte = 1024 * 1024
    if target.isJSON {
      var mutator = JSONMutator(bytes: bytes, seed: seed)
      return [
        mutator.truncated(), mutator.invalidByte(), mutator.latin1Letter(), mutator.nulByte(),
        mutator.hugeString(mebibyte),
      ] + (target.hasTenMebibyteField ? [mutator.hugeString(10 * mebibyte)] : [])
        + [
          mutator.renamedKey("code_rome"), mutator.renamedKey("libelle"),
          mutator.reencoded(.utf16LittleEndian), mutator.reencoded(.utf16BigEndian),
          mutator.reencoded(.windowsCP1252),
        ].compactMap { $0 }
    }
    var mutator = CSVMutator(name: target.file, bytes: bytes, seed: seed)
    var mutants = [
      mutator.truncatedMidRecord(), mutator.invalidByte(), mutator.nulByte(),
      mutator.utf16(littleEndian: true), mutator.utf16(littleEndian: false),
      mutator.missingColumn(), mutator.extraColumn(), mutator.hugeField(mebibyte),
      mutator.longLine(2 * mebibyte),
    ]
    mutants += [
      mutator.truncatedMidQuotedField(), mutator.truncatedMidCharacter(), mutator.latin1Letter(),
    ].compactMap { $0 }
    if let column = target.column {
      mutants += [mutator.renamedHeader(column), mutator.droppedHeader(column)].compactMap { $0 }
    }
    if target.uniqueKey { mutants.append(mutator.duplicatedRecord()) }
    if target.hasTenMebibyteField { mutants.append(mutator.hugeField(10 * mebibyte)) }
    return mutants
  }

  /// Two mutants of the real file as published: a truncation and one other damage, deep in the file.
  static func onFullFile(_ target: ImportFuzzTarget, _ bytes: [UInt8], seed: UInt64)
    -> [ImportMutant]
  {
    if target.isJSON {
      var mutator = JSONMutator(bytes: bytes, seed: seed)
      return [mutator.truncated(), mutator.latin1Letter()]
    }
    var mutator = CSVMutator(name: target.file, bytes: bytes, seed: seed)
    var random = SeededRandom(state: seed)
    let other: ImportMutant? =
      switch Int.random(in: 0..<5, using: &random) {
      case 0: mutator.missingColumn()
      case 1: mutator.extraColumn()
      case 2: mutator.invalidByte()
      case 3: mutator.nulByte()
      default: target.uniqueKey ? mutator.duplicatedRecord() : mutator.latin1Letter()
      }
    return [mutator.truncatedMidRecord()] + [other ?? mutator.invalidByte()]
  }

  /// `count` mutants of kinds, places and sizes drawn from the seed.
  static func randomMutants(
    _ target: ImportFuzzTarget, _ bytes: [UInt8], seed: UInt64, count: Int
  ) -> [ImportMutant] {
    var random = SeededRandom(state: seed)
    var mutants: [ImportMutant] = []
    if target.isJSON {
      var mutator = JSONMutator(bytes: bytes, seed: seed)
      while mutants.count < count {
        let pick = Int.random(in: 0..<5, using: &random)
        let mutant: ImportMutant? =
          switch pick {
          case 0: mutator.truncated()
          case 1: mutator.invalidByte()
          case 2: mutator.latin1Letter()
          case 3: mutator.nulByte()
          default:
            mutator.hugeString(
              Int.random(in: (ImportLimits.fieldBytes + 1)...(1 << 21), using: &random))
          }
        if let mutant { mutants.append(mutant) }
      }
      return mutants
    }
    var mutator = CSVMutator(name: target.file, bytes: bytes, seed: seed)
    var attempts = 0
    while mutants.count < count, attempts < count * 4 {
      attempts += 1
      let mutant: ImportMutant? =
        switch Int.random(in: 0..<10, using: &random) {
        case 0: mutator.truncatedMidRecord()
        case 1: mutator.truncatedMidQuotedField()
        case 2: mutator.truncatedMidCharacter()
        case 3: mutator.invalidByte()
        case 4: mutator.latin1Letter()
        case 5: mutator.nulByte()
        case 6: mutator.missingColumn()
        case 7: mutator.extraColumn()
        case 8:
          mutator.hugeField(
            Int.random(in: (ImportLimits.fieldBytes + 1)...(1 << 21), using: &random))
        default: mutator.longLine(Int.random(in: (1 << 16)...(1 << 20), using: &random))
        }
      if let mutant { mutants.append(mutant) }
    }
    return mutants
  }

  // MARK: running

  /// Imports one mutant (beside the excerpts of the other files of its folder) and checks the refusal and the database.
  private static func attempt(
    _ mutant: ImportMutant, _ target: ImportFuzzTarget, siblings: URL, _ database: AppDatabase,
    _ scratch: URL, _ figures: inout Figures
  ) throws {
    figures.tried += 1
    let folder = scratch.appendingPathComponent("mutant-\(figures.tried)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in try FileManager.default.contentsOfDirectory(atPath: siblings.path)
    where name != target.file {
      try FileManager.default.createSymbolicLink(
        at: folder.appendingPathComponent(name),
        withDestinationURL: siblings.appendingPathComponent(name))
    }
    try Data(mutant.bytes).write(to: folder.appendingPathComponent(target.file))
    let what = "\(target.file), \(mutant.kind) (lignes \(mutant.lines))"
    do {
      _ = try database.importReference(target.dataset, from: folder)
      figures.failures.append("\(what) : accepté")
    } catch let error as ImportError {
      if error.file == target.file, let line = error.line, mutant.lines.contains(line) {
        figures.rejectedWithLine += 1
        figures.messages[mutant.kind] = figures.messages[mutant.kind] ?? error.description
      } else {
        figures.failures.append("\(what) : refusé ailleurs — \(error.description)")
      }
    } catch {
      figures.failures.append("\(what) : erreur inattendue — \(error)")
    }
  }

  /// A copy of `folder` whose CSV files keep their first records only (made once per folder).
  private static func excerptFolder(of folder: URL, into root: URL) throws -> URL {
    let target = root.appendingPathComponent(folder.lastPathComponent)
    if FileManager.default.fileExists(atPath: target.path) { return target }
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
      var kept = bytes
      if name.hasSuffix(".csv") {
        let layout = CSVLayout(bytes)
        if layout.records.count > excerptRecords {
          kept = Array(bytes[..<layout.records[excerptRecords].start])
        }
      }
      try Data(kept).write(to: target.appendingPathComponent(name))
    }
    return target
  }
}
