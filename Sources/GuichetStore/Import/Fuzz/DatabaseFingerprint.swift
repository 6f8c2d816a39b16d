import GRDB

/// A digest of every row of every table (reference tables, search indexes, territories, the `dataset` rows
/// and their import dates), to prove a refused import changed nothing. FNV-1a over the values in table order.
enum DatabaseFingerprint {
  static func of(_ reader: any DatabaseReader) throws -> [String: String] {
    try reader.read { db in
      let tables = try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
          ORDER BY name
          """)
      var digests: [String: String] = [:]
      for table in tables {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var rows = 0
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \"\(table)\"")
        while let row = try cursor.next() {
          rows += 1
          for value in row.databaseValues { mix(value, into: &hash) }
        }
        digests[table] = "\(rows) rows, \(String(hash, radix: 16))"
      }
      return digests
    }
  }

  private static func mix(_ value: DatabaseValue, into hash: inout UInt64) {
    func byte(_ byte: UInt8) {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    switch value.storage {
    case .null: byte(0)
    case .int64(let number):
      byte(1)
      for shift in stride(from: 0, to: 64, by: 8) {
        byte(UInt8(truncatingIfNeeded: number >> shift))
      }
    case .double(let number):
      byte(2)
      let bits = number.bitPattern
      for shift in stride(from: 0, to: 64, by: 8) { byte(UInt8(truncatingIfNeeded: bits >> shift)) }
    case .string(let text):
      byte(3)
      for unit in text.utf8 { byte(unit) }
    case .blob(let data):
      byte(4)
      for unit in data { byte(unit) }
    }
  }
}
