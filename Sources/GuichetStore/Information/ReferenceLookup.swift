import GRDB
import GuichetCore

extension AppDatabase {
  /// Search as you type for the console: métiers, then certifications, then structures, at most `limit` of each,
  /// with the sources of the three datasets.
  public func referenceResults(_ query: String, limit: Int = 8) throws -> ReferenceResults {
    try StoreErrors.run("Recherche") {
      try writer.read { db in
        let hits = try ReferenceSearch.search(query, limit: limit, in: db).map { hit in
          ReferenceHit(
            kind: ReferenceHit.Kind(rawValue: hit.kind.rawValue) ?? .occupation, code: hit.code,
            title: hit.title, subtitle: hit.subtitle)
        }
        return ReferenceResults(
          query: query, hits: hits,
          sources: try DataSources.fetch(["rome", "rncp", "structures"], in: db))
      }
    }
  }
}
