import GRDB
import GuichetCore

/// A row type whose columns are its properties in snake_case (`advisorID` is `advisor_id`), so no record
/// spells its columns a second time in a `CodingKeys` list.
protocol SnakeCaseColumns: FetchableRecord, EncodableRecord {}

extension SnakeCaseColumns {
  static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
  static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
    .custom { ColumnKey(column: $0) }
  }
}

/// The property a snake_case column holds: `recipient_structure_id` is `recipientStructureID` (the
/// project spells `ID` in capitals), the inverse of GRDB's `convertToSnakeCase`.
struct ColumnKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }

  init(column: String) {
    let words = column.split(separator: "_", omittingEmptySubsequences: false)
    stringValue =
      String(words.first ?? "")
      + words.dropFirst().map { $0 == "id" ? "ID" : $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// A row with an integer primary key `id` the database assigns on insert.
protocol StoredRecord: SnakeCaseColumns, MutablePersistableRecord {
  var id: Int64? { get set }
}

extension StoredRecord {
  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  /// Inserts a new row (no id yet) or updates the row it names; `missing` (« Cette absence n'existe
  /// plus. ») refuses a row another desk deleted meanwhile, which an update would silently skip.
  mutating func insertOrUpdate(_ db: Database, missing: String) throws {
    if id == nil {
      try insert(db)
    } else if try !exists(db) {
      throw UserError(missing)
    } else {
      try update(db)
    }
  }
}

extension TableRecord {
  /// Refuses with `missing` unless the row `key` of this table is there.
  static func requireExisting(_ db: Database, key: Int64, _ missing: String) throws {
    guard try exists(db, key: key) else { throw UserError(missing) }
  }
}
