import CLibXML2
import Foundation
import GuichetResources

/// One LHÉO `formation` with what the desk lists: its actions (place, organisation, codes) and their sessions.
struct LheoFormation: Equatable, Sendable {
  struct Action: Equatable, Sendable {
    var number: String?
    var trainerName: String?
    var trainerSiret: String?
    var placeName: String?
    var town: String
    var postcode: String?
    var inseeCode: String?
    /// The establishment (UAI) where it is taught: the place's, else the trainer's, else the responsible
    /// organisation's, as LHÉO gives them (`code-UAI-lieu-formation`, `code-UAI-formateur`,
    /// `code-UAI-organisme-formation`).
    var uai: String?
    var permanentEntry: Bool
    var publicCodes: [String]
    var fundingCodes: [String]
    var sessions: [Session]
  }

  struct Session: Equatable, Sendable {
    var number: String?
    /// `yyyymmdd`, nil for LHÉO's « unknown » dates (00000000, 99999999).
    var startDay: Int?
    var endDay: Int?
  }

  var number: String?
  var title: String
  var organisationName: String
  var organisationSiret: String
  var rncpCodes: [String]
  var romeCodes: [String]
  var formacodes: [String]
  var actions: [Action]
}

/// Reads an LHÉO 2.3 offers file: checked first against the XSD with libxml2 (the schema validator the
/// Carif-Oref files are written for, rather than a partial check of our own), then walked for what the desk
/// lists. Either the whole file is valid and read, or the first defect comes back as an `ImportError` with
/// the element and its line, in French.
enum LheoReader {
  static let namespace = "http://lheo.gouv.fr/2.3"

  /// The bundled copy of `lheo-2.3.xsd` (a format definition, not data).
  static var bundledSchema: URL? { BundledData.url("formations/lheo-2.3.xsd") }

  static func read(_ data: Data, fileName: String, schema: URL) throws -> [LheoFormation] {
    let errors = ErrorSink()
    let box = Unmanaged.passRetained(errors)
    defer { box.release() }
    let context = box.toOpaque()
    // libxml2 would print every problem on stderr; they are collected instead (the first one is reported).
    xmlSetStructuredErrorFunc(context, lheoCollectError)
    defer { xmlSetStructuredErrorFunc(nil, nil) }

    let schemaDocument = try readSchema(schema, errors: errors, context: context)
    defer { xmlSchemaFree(schemaDocument) }

    guard data.count < Int(Int32.max) else {
      throw ImportError(file: fileName, message: "fichier trop volumineux pour un import LHÉO")
    }
    // No network, no entity expansion, no DTD: a file may not reach outside itself.
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_HUGE.rawValue)
    let document = data.withUnsafeBytes { bytes -> xmlDocPtr? in
      guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
      return xmlReadMemory(base, Int32(bytes.count), fileName, nil, options)
    }
    guard let document else {
      throw errors.first.map { $0.importError(fileName: fileName, phase: .wellFormed) }
        ?? ImportError(
          file: fileName, message: "fichier vide ou illisible : ce n'est pas un fichier XML")
    }
    defer { xmlFreeDoc(document) }
    errors.reset()

    guard let validation = xmlSchemaNewValidCtxt(schemaDocument) else {
      throw ImportError(file: fileName, message: "validation impossible (mémoire insuffisante)")
    }
    defer { xmlSchemaFreeValidCtxt(validation) }
    xmlSchemaSetValidStructuredErrors(validation, lheoCollectError, context)
    let result = xmlSchemaValidateDoc(validation, document)
    if result != 0 {
      throw errors.first.map { $0.importError(fileName: fileName, phase: .schema) }
        ?? ImportError(file: fileName, message: "fichier non conforme au schéma LHÉO 2.3")
    }
    guard let root = xmlDocGetRootElement(document) else { return [] }
    return try Walker(fileName: fileName).formations(root)
  }

  static func readSchema(_ url: URL, errors: ErrorSink, context: UnsafeMutableRawPointer) throws
    -> xmlSchemaPtr
  {
    let fail = ImportError(
      file: url.lastPathComponent,
      message: "schéma LHÉO 2.3 illisible : réinstallez Guichet (dossier des ressources incomplet)")
    guard let parser = xmlSchemaNewParserCtxt(url.path) else { throw fail }
    defer { xmlSchemaFreeParserCtxt(parser) }
    xmlSchemaSetParserStructuredErrors(parser, lheoCollectError, context)
    guard let schema = xmlSchemaParse(parser) else { throw fail }
    return schema
  }

  /// The first problem libxml2 reported, kept as plain values.
  struct Problem {
    var line: Int
    var element: String?
    var code: Int32
    var message: String

    enum Phase { case wellFormed, schema }

    /// The French message: the element and what is wrong with it, libxml2's own words as a detail.
    func importError(fileName: String, phase: Phase) -> ImportError {
      let detail = Self.clean(message)
      let text: String
      switch phase {
      case .wellFormed:
        text = "XML mal formé (\(detail))"
      case .schema:
        let element = element.map { "élément <\($0)>" } ?? "élément"
        text = "\(element) non conforme au schéma LHÉO 2.3 : \(Self.french(detail))"
      }
      return ImportError(file: fileName, line: line > 0 ? line : nil, message: text)
    }

    /// libxml2's message without the namespace braces and the trailing newline.
    static func clean(_ message: String) -> String {
      message.replacingOccurrences(of: "{\(LheoReader.namespace)}", with: "")
        .trimmingCharacters(in: .whitespacesAndNewlines)
        .replacingOccurrences(of: "\n", with: " ")
    }

    /// The usual schema messages in French; anything else is quoted as libxml2 says it.
    static func french(_ detail: String) -> String {
      func after(_ marker: String) -> String? {
        guard let range = detail.range(of: marker) else { return nil }
        return detail[range.upperBound...].trimmingCharacters(
          in: CharacterSet(charactersIn: " ().")
        )
      }
      if detail.contains("Missing child element"), let expected = after("Expected is") {
        return "élément manquant, attendu : \(expected)"
      }
      if detail.contains("This element is not expected") {
        if let expected = after("Expected is") {
          return "élément inattendu à cet endroit, attendu : \(expected)"
        }
        return "élément inattendu à cet endroit"
      }
      if detail.contains("is not a valid value")
        || detail.contains("is not accepted by the pattern")
        || detail.contains("[facet")
      {
        return "valeur invalide (\(detail))"
      }
      if detail.contains("No matching global declaration") {
        return
          "élément racine inconnu : un fichier LHÉO commence par <lheo xmlns=\"\(LheoReader.namespace)\">"
      }
      return detail
    }
  }

  /// Collects libxml2's structured errors (called back from C, on this thread only).
  final class ErrorSink {
    var first: Problem?
    func reset() { first = nil }
  }

  /// Walks a document already checked against the schema, so every required element is there.
  struct Walker {
    var fileName: String

    func formations(_ root: xmlNodePtr) throws -> [LheoFormation] {
      guard let offres = child(root, "offres") else { return [] }
      return try children(offres, "formation").map(formation)
    }

    func formation(_ node: xmlNodePtr) throws -> LheoFormation {
      let responsible = child(node, "organisme-formation-responsable")
      let domain = child(node, "domaine-formation")
      let certifications = children(node, "certification")
      return LheoFormation(
        number: attribute(node, "numero"),
        title: text(child(node, "intitule-formation")) ?? "",
        organisationName: text(responsible.flatMap { child($0, "nom-organisme") }) ?? "",
        organisationSiret: text(
          responsible.flatMap { child($0, "SIRET-organisme-formation") }.flatMap {
            child($0, "SIRET")
          }) ?? "",
        rncpCodes: certifications.compactMap { text(child($0, "code-RNCP")) }.map(rncpCode),
        romeCodes: domain.map { children($0, "code-ROME").compactMap(text) } ?? [],
        formacodes: domain.map { children($0, "code-FORMACODE").compactMap(text) } ?? [],
        actions: try children(node, "action").map { try action($0, responsible: responsible) })
    }

    func action(_ node: xmlNodePtr, responsible: xmlNodePtr?) throws -> LheoFormation.Action {
      // The place: the first lieu-de-formation, else the responsible organisation's own address.
      let place =
        children(node, "lieu-de-formation").first.flatMap { child($0, "coordonnees") }
        ?? responsible.flatMap { child($0, "coordonnees-organisme") }.flatMap {
          child($0, "coordonnees")
        }
      let address = place.flatMap { child($0, "adresse") }
      guard let address, let town = text(child(address, "ville")) else {
        throw ImportError(
          file: fileName, line: line(node),
          message:
            "élément <action> sans lieu de formation ni adresse de l'organisme : la session ne peut pas être située"
        )
      }
      let trainer = children(node, "organisme-formateur").first
      let uai = [
        children(node, "lieu-de-formation").first.flatMap { child($0, "code-UAI-lieu-formation") },
        trainer.flatMap { child($0, "code-UAI-formateur") },
        responsible.flatMap { child($0, "code-UAI-organisme-formation") },
      ].lazy.compactMap { $0.flatMap { self.text(self.child($0, "code-UAI")) } }.first
      return LheoFormation.Action(
        number: attribute(node, "numero"),
        trainerName: text(trainer.flatMap { child($0, "raison-sociale-formateur") }),
        trainerSiret: text(
          trainer.flatMap { child($0, "SIRET-formateur") }.flatMap { child($0, "SIRET") }),
        placeName: text(child(address, "denomination")) ?? text(place.flatMap { child($0, "nom") }),
        town: town,
        postcode: text(child(address, "codepostal")),
        inseeCode: text(child(address, "code-INSEE-commune")),
        uai: uai?.uppercased(),
        permanentEntry: text(child(node, "modalites-entrees-sorties")) == "1",
        publicCodes: children(node, "code-public-vise").compactMap(text),
        fundingCodes: children(node, "organisme-financeur").compactMap {
          text(child($0, "code-financeur"))
        },
        sessions: try children(node, "session").map(session))
    }

    func session(_ node: xmlNodePtr) throws -> LheoFormation.Session {
      let period = child(node, "periode")
      let start = text(period.flatMap { child($0, "debut") })
      let end = text(period.flatMap { child($0, "fin") })
      let session = LheoFormation.Session(
        number: attribute(node, "numero"), startDay: try day(start, node),
        endDay: try day(end, node))
      if let startDay = session.startDay, let endDay = session.endDay, endDay < startDay {
        throw ImportError(
          file: fileName, line: line(node),
          message: "élément <session> : la fin (\(end ?? "")) précède le début (\(start ?? ""))")
      }
      return session
    }

    /// `yyyymmdd` as LHÉO writes it; 00000000 and 99999999 mean « not known yet ».
    func day(_ value: String?, _ node: xmlNodePtr) throws -> Int? {
      guard let value, value != "00000000", value != "99999999", let number = Int(value) else {
        return nil
      }
      let month = number / 100 % 100
      let day = number % 100
      guard (1...12).contains(month), (1...31).contains(day) else {
        throw ImportError(
          file: fileName, line: line(node),
          message: "élément <session> : date « \(value) » impossible (attendu AAAAMMJJ)")
      }
      return number
    }

    /// « 34826 » and « RNCP34826 » both name RNCP34826, the form the RNCP data uses.
    func rncpCode(_ value: String) -> String {
      let digits = value.uppercased().hasPrefix("RNCP") ? String(value.dropFirst(4)) : value
      return "RNCP" + digits.trimmingCharacters(in: .whitespaces)
    }

    func line(_ node: xmlNodePtr) -> Int? {
      let line = Int(xmlGetLineNo(node))
      return line > 0 ? line : nil
    }

    func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
      var result: [xmlNodePtr] = []
      var current = node.pointee.children
      while let element = current {
        if element.pointee.type == XML_ELEMENT_NODE { result.append(element) }
        current = element.pointee.next
      }
      return result
    }

    func name(_ node: xmlNodePtr) -> String {
      node.pointee.name.map { String(cString: $0) } ?? ""
    }

    func children(_ node: xmlNodePtr, _ local: String) -> [xmlNodePtr] {
      elements(node).filter { name($0) == local }
    }

    func child(_ node: xmlNodePtr, _ local: String) -> xmlNodePtr? {
      elements(node).first { name($0) == local }
    }

    func text(_ node: xmlNodePtr?) -> String? {
      guard let node, let content = xmlNodeGetContent(node) else { return nil }
      defer { guichet_xml_free(content) }
      let value = String(cString: content).trimmingCharacters(in: .whitespacesAndNewlines)
      return value.isEmpty ? nil : value
    }

    func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
      guard let value = xmlGetProp(node, name) else { return nil }
      defer { guichet_xml_free(value) }
      let text = String(cString: value).trimmingCharacters(in: .whitespaces)
      return text.isEmpty ? nil : text
    }
  }
}

/// libxml2's structured error callback: keeps the first error of the current read.
private func lheoCollectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let context, let error else { return }
  let sink = Unmanaged<LheoReader.ErrorSink>.fromOpaque(context).takeUnretainedValue()
  guard sink.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
  var element: String?
  if let node = error.pointee.node?.assumingMemoryBound(to: xmlNode.self),
    node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name
  {
    element = String(cString: name)
  }
  // The element's own start tag, rather than where libxml2 noticed (a missing child is seen at the end tag).
  var line = Int(error.pointee.line)
  if let node = error.pointee.node?.assumingMemoryBound(to: xmlNode.self) {
    let nodeLine = Int(xmlGetLineNo(node))
    if nodeLine > 0 { line = nodeLine }
  }
  sink.first = LheoReader.Problem(
    line: line, element: element, code: error.pointee.code,
    message: error.pointee.message.map { String(cString: $0) } ?? "")
}
