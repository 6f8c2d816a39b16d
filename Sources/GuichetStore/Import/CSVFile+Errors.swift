import GRDB

/// Turns a database refusal (a duplicate code, a missing value) into an error that points at the record that caused it.
extension CSVFile {
  func error(_ record: CSVRecord, column: Int, _ message: String) -> ImportError {
    ImportError(file: name, line: record.line, column: column + 1, message: message)
  }

  /// An integer field, or an error naming it (`what`, in French) and where it is.
  func integer(_ record: CSVRecord, column: Int, _ what: String) throws -> Int {
    guard let value = Int(record[column]) else {
      throw error(record, column: column, "\(what) illisible « \(record[column]) »")
    }
    return value
  }

  func guarded(_ record: CSVRecord, column: Int, _ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as DatabaseError {
      let message: String
      switch error.extendedResultCode {
      case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE:
        message = "code en double « \(record[column]) »"
      case .SQLITE_CONSTRAINT_NOTNULL:
        message = "valeur obligatoire absente"
      default:
        message = "ligne refusée par la base (\(error.message ?? "\(error.resultCode)"))"
      }
      throw self.error(record, column: column, message)
    }
  }
}

extension Database {
  /// Rows in a table, for the import report.
  func scalarCount(_ table: String) throws -> Int {
    try Int.fetchOne(self, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
  }
}
