import Foundation
import GRDB
import GuichetCore
import Testing

@testable import GuichetStore

/// A full application database (desk schema, bundled territories) with every reference dataset imported from
/// the real published files, built once and shared by the information tests (read-only by convention).
enum InformationFixture {
  static let imported: Result<AppDatabase, any Error> = Result {
    let database = try AppDatabase.inMemory()
    _ = try ReferenceImporter.importAll(
      from: ReferenceFixture.dataFolder, datasets: ReferenceFixture.referenceDatasets,
      into: database.writer)
    return database
  }

  static func database() throws -> AppDatabase { try imported.get() }
}
