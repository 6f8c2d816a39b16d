import GRDB
import Testing

@testable import GuichetStore

/// The « v1-supervision » migration runs its own literal SQL; `guichet demo` sets the rollup triggers aside and
/// back from `SupervisionSchema`. Today they are the same text: when this fails, someone changed the current
/// definition, and databases migrated earlier still run the old triggers until a new migration installs it.
@Suite struct SupervisionSchemaFreezeTests {
  @Test func theMigrationsFrozenTriggersAreTheCurrentDefinition() {
    #expect(SupervisionV1.triggers == SupervisionSchema.triggers)
    #expect(SupervisionV1.initialCells == SupervisionSchema.applyCells(sign: "1", condition: "1"))
  }

  /// The triggers a migrated file holds are the ones the demo recreates, under the same names.
  @Test func aMigratedFileHoldsExactlyTheTriggersTheDemoRecreates() throws {
    let database = try AppDatabase.inMemory()
    let names = try database.writer.read { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'visit%stat%' ORDER BY name"
      )
    }
    #expect(names == SupervisionSchema.triggerNames.sorted())
  }
}
