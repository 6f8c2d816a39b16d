import GuichetCore

/// The structure form: kind, name, address, phone, e-mail and the territories served (numbers or names).
extension AdminFormScreen {
  static func structureFields(_ structure: OperatorStructure?, context: AppContext) -> [FormField] {
    let kinds = OperatorKind.allCases
    let names = structure?.territoryIDs.map { context.territoryName($0) } ?? []
    return [
      .choice(
        "Type", kinds.map(\.label),
        selected: structure.flatMap { kinds.firstIndex(of: $0.kind) } ?? 0
      ),
      .text("Nom", structure?.name ?? "", limit: 120),
      .text("Adresse", structure?.address ?? "", hint: "rue", limit: 200),
      .text("Code postal", structure?.postcode ?? "", hint: "5 chiffres", limit: 5),
      .text("Commune", structure?.city ?? "", limit: 80),
      .text(
        "Téléphone", structure?.phone ?? "",
        hint: "obligatoire pour les rendez-vous",
        limit: 25),
      .text("Courriel", structure?.email ?? "", limit: 120),
      .text(
        "Territoires", names.joined(separator: ", "), hint: "noms ou n°, séparés par des virgules",
        limit: 300),
    ]
  }

  static func parseStructure(
    _ fields: FormFields, original: OperatorStructure?, context: AppContext
  ) throws(UserError) -> OperatorStructure {
    let name = fields.text(1)
    guard !name.isEmpty else { throw UserError("Indiquez le nom de la structure.") }
    let postcode = fields.text(3)
    if !postcode.isEmpty
      && (postcode.count != 5 || !postcode.allSatisfy(\.isASCII) || Int(postcode) == nil)
    {
      throw UserError("Le code postal a 5 chiffres (reçu « \(postcode) »).")
    }
    let phone = fields.text(5)
    let email = fields.text(6)
    var structure = original ?? OperatorStructure(kind: .other, name: name)
    structure.kind = OperatorKind.allCases[fields.choice(0)]
    structure.name = name
    structure.address = optional(fields.text(2))
    structure.postcode = optional(postcode)
    structure.city = optional(fields.text(4))
    structure.phone = phone.isEmpty ? nil : try PhoneNumber(parsing: phone).description
    structure.email = email.isEmpty ? nil : try EmailAddress(parsing: email).value
    structure.territoryIDs = try territoryIDs(fields.text(7), context: context)
    return structure
  }

  /// « Chambéry, 8 » → the ids, each named or numbered; an unknown one is refused with examples.
  static func territoryIDs(_ text: String, context: AppContext) throws(UserError) -> [Int64] {
    let known = territories(context)
    var ids: [Int64] = []
    for part in text.split(separator: ",") {
      let word = part.trimmingCharacters(in: .whitespaces)
      guard !word.isEmpty else { continue }
      let key = SearchText.normalize(word)
      if let id = Int64(word), context.territoryNames[id] != nil {
        ids.append(id)
      } else if let found = known.first(where: { SearchText.normalize($0.name) == key }) {
        ids.append(found.id)
      } else {
        let examples = known.prefix(4).map(\.name).joined(separator: ", ")
        throw UserError(
          "Territoire inconnu « \(word) »"
            + (known.isEmpty
              ? " : aucun territoire n'est défini." : " ; par exemple : \(examples)."))
      }
    }
    return ids
  }

  static func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
}
