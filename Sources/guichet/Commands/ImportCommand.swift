import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet import <jeu> <chemin>` and `guichet import all <dossier>`: replaces reference data from the published files.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Importe les fichiers de référence publiés (ROME, RNCP, BMO, salaires, structures…).",
    discussion: """
      Jeux de données : \(ImportCommand.datasetList).
        guichet import rome ../shared/data/rome-4.0
      Tous les jeux, dans l'arborescence publiée :
        guichet import all ../shared/data
      L'offre de formation LHÉO 2.3 du Carif-Oref (« - » : entrée standard) :
        guichet import lheo offres.xml
      Le fichier LHÉO est vérifié contre le schéma LHÉO 2.3 et remplace l'import précédent ; il n'est
      jamais intégré à Guichet ni lu par « import all ».
      Chaque import se fait en une transaction : un fichier refusé ne change rien, et le message
      donne le fichier, la ligne et la colonne. Réimporter un jeu remplace sa version précédente.
      Un jeu importé n'est jamais remplacé par les données intégrées à l'installation.
      """)

  @Argument(
    help: ArgumentHelp("Jeu de données, ou « all » pour tous.", valueName: "jeu"),
    completion: .list(ReferenceDataset.allCases.map(\.rawValue) + [lheoDataset, "all"]))
  var dataset: String?

  @Argument(
    help: ArgumentHelp(
      "Dossier (ou fichier) publié ; pour « all », le dossier qui contient rome-4.0, rncp-2021…",
      valueName: "chemin"), completion: .file())
  var path: String?

  @OptionGroup var location: DatabaseOptions

  static var datasetList: String {
    (ReferenceDataset.allCases.map(\.rawValue) + [lheoDataset]).joined(separator: ", ")
  }

  /// The training offers file, read from the path given (never bundled, never in `import all`).
  static let lheoDataset = "lheo"

  /// What to import, once the arguments are checked.
  enum Request: Equatable {
    case one(ReferenceDataset, URL)
    case all(URL)
    /// An LHÉO file, or standard input for « - ».
    case lheo(URL?)
  }

  /// Checks the arguments and says in French what is wrong.
  static func request(dataset: String?, path: String?) throws -> Request {
    guard let name = dataset?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
      throw UserError(
        "indiquez le jeu de données à importer (\(datasetList), ou all) puis son chemin, "
          + "par exemple : guichet import all ../shared/data")
    }
    let lowered = name.lowercased()
    if lowered == Self.lheoDataset { return try lheoRequest(path: path) }
    let chosen = ReferenceDataset(rawValue: lowered)
    guard chosen != nil || lowered == "all" else {
      throw UserError(
        "jeu de données inconnu « \(SafeText.clean(String(name.prefix(60)))) ». "
          + "Jeux possibles : \(datasetList), ou all.")
    }
    guard let path, !path.isEmpty else {
      let what = chosen == nil ? "le dossier des données publiées" : "le dossier ou fichier à lire"
      throw UserError("chemin manquant : indiquez \(what) après « \(lowered) ».")
    }
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw UserError("chemin introuvable : \(SafeText.clean(path)).")
    }
    guard let chosen else {
      guard isDirectory.boolValue else {
        throw UserError(
          "« import all » attend un dossier, pas un fichier : \(SafeText.clean(path)).")
      }
      return .all(url)
    }
    return .one(chosen, url)
  }

  static func lheoRequest(path: String?) throws -> Request {
    guard let path, !path.isEmpty else {
      throw UserError(
        "chemin manquant : indiquez le fichier LHÉO à lire après « lheo » (ou « - » pour l'entrée standard)."
      )
    }
    if path == "-" { return .lheo(nil) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw UserError("chemin introuvable : \(SafeText.clean(path)).")
    }
    guard !isDirectory.boolValue else {
      throw UserError(
        "« import lheo » attend un fichier XML, pas un dossier : \(SafeText.clean(path)).")
    }
    return .lheo(URL(fileURLWithPath: path))
  }

  func run() throws {
    let request = try CommandLineErrors.usage("import") {
      try Self.request(dataset: dataset, path: path)
    }
    if case .lheo(let url) = request { return try importOffers(url) }
    let databasePath = location.path
    let start = Date()
    let reports = try CommandLineErrors.reportImport {
      // The bundled data is not loaded first: the import writes its datasets, the next open fills any other.
      let database = try AppDatabase.open(path: databasePath, bundledReference: false)
      switch request {
      case .one(let dataset, let url): return [try database.importReference(dataset, from: url)]
      case .all(let folder): return try database.importAllReference(from: folder)
      case .lheo: return []  // read by importOffers above, before any database is opened
      }
    }
    for report in reports {
      try StandardOutput.line(report.description)
    }
    let seconds = Date().timeIntervalSince(start)
    let elapsed = String(format: "%.1f", seconds).replacingOccurrences(of: ".", with: ",")
    let count = reports.count
    try StandardOutput.line(
      "Import terminé en \(elapsed) s : \(count) jeu\(count > 1 ? "x" : "") de données dans \(databasePath)"
    )
  }
}

extension ImportCommand {
  /// `guichet import lheo FILE|-`: the whole file is checked and read, then replaces the previous offers.
  func importOffers(_ url: URL?) throws {
    let databasePath = location.path
    let report = try CommandLineErrors.reportImport {
      let name = url?.lastPathComponent ?? "entrée standard"
      let data: Data
      do {
        data =
          try url.map { try Data(contentsOf: $0) }
          ?? FileHandle.standardInput.readToEnd() ?? Data()
      } catch {
        throw ImportError(file: name, message: "lecture impossible (droits ou fichier illisible)")
      }
      return try location.open().importTrainingOffers(data, fileName: name, at: Date())
    }
    try StandardOutput.line(report.description)
    try StandardOutput.line("Import terminé : offre de formation remplacée dans \(databasePath)")
  }
}

extension CommandLineErrors {
  /// A wrong argument: « guichet : message » on stderr, a pointer to the help, exit code 64.
  static func usage<T>(_ command: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as UserError {
      CommandLineMessage.usage(error.message, command: command)
      throw ExitCode.validationFailure
    }
  }

  /// Like `report`, plus refused files: « guichet : import refusé, fichier F, ligne N, colonne M : message. »
  /// then what to do, exit code 1.
  static func reportImport<T>(_ body: () throws -> T) throws -> T {
    try report {
      do {
        return try body()
      } catch let error as ImportError {
        // One final period, whether or not the message brought its own.
        let sentence =
          error.description.hasSuffix(".") ? error.description : error.description + "."
        CommandLineMessage.error("import refusé, \(sentence)\n\(ImportError.advice)")
        throw ExitCode.failure
      }
    }
  }
}
