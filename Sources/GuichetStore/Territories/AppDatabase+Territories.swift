import GRDB
import GuichetCore

extension AppDatabase {
  /// All territories (ZTEF), by name, for the visit form's territory choice.
  public func territories() throws -> [Territory] {
    try StoreErrors.run("Lecture des territoires") {
      try writer.read { db in
        try Row.fetchAll(db, sql: "SELECT id, name FROM territory ORDER BY name COLLATE french, id")
          .map { Territory(id: $0["id"], name: $0["name"]) }
      }
    }
  }
}
