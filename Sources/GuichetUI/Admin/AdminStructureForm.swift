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
        hint: "requis pour réserver",
        limit: 25),
      .text("Courriel", structure?.email ?? "", limit: 120),
      .text(
        "Territoires", names.joined(separator: ", "),
        hint: "commune/bassin/ZTEF",
        limit: 300),
    ]
  }

  /// The index of « Territoires » in the structure form.
  static let territoriesField = 7

  static func parseStructure(
    _ fields: FormFields, original: OperatorStructure?, context: AppContext,
    territories: TerritoryEntry = TerritoryEntry()
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
    structure.territoryIDs = try territoryIDs(
      fields.text(territoriesField), context: context, entry: territories)
    return structure
  }

  /// « Chambéry, 8, Vienne » → the ids: each part a number, a territory's name, or the part being typed
  /// when the store found one territory whose whole commune, bassin or own name it is. Anything else is
  /// refused with the store's best matches for it, or how to find them.
  static func territoryIDs(
    _ text: String, context: AppContext, entry: TerritoryEntry = TerritoryEntry()
  ) throws(UserError) -> [Int64] {
    let known = territories(context) + entry.taken.map { (id: $0.key, name: $0.value) }
    let search = entry.search
    var ids: [Int64] = []
    for part in text.split(separator: ",") {
      let word = part.trimmingCharacters(in: .whitespaces)
      guard !word.isEmpty else { continue }
      let key = SearchText.normalize(word)
      let searched = search.answered && search.query.trimmingCharacters(in: .whitespaces) == word
      if let id = Int64(word), context.territoryNames[id] != nil || entry.taken[id] != nil {
        ids.append(id)
      } else if let found = known.first(where: { SearchText.normalize($0.name) == key }) {
        ids.append(found.id)
      } else if searched, let found = search.matches.unambiguous {
        ids.append(found.territory.id)
      } else {
        let offered = searched ? search.matches.prefix(4).map(\.label) : []
        throw UserError(
          "Territoire inconnu « \(word) »"
            + (offered.isEmpty
              ? " : tapez une partie du nom d'une commune, d'un bassin ou d'un territoire."
              : " ; Entrée prend le premier de : \(offered.joined(separator: ", "))."))
      }
    }
    return ids
  }

  /// In « Territoires », typing searches the part after the last comma and Entrée replaces it with the
  /// best match; nil when the key is not for that search (other fields, other forms, Entrée with nothing found).
  static func editTerritories(_ state: inout State, _ key: Key) -> Effect? {
    guard case .structure = state.kind, state.fields.focus == territoriesField else { return nil }
    if key == .enter {
      let search = state.territoryEntry.search
      guard let match = search.matches.first, search.answered else { return nil }
      let text = state.fields.fields[territoriesField].text
      let kept = text.split(separator: ",", omittingEmptySubsequences: false).dropLast()
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      state.fields.fields[territoriesField].text = String(
        (kept + [match.territory.name]).joined(separator: ", ").appending(", ")
          .prefix(state.fields.fields[territoriesField].limit))
      state.territoryEntry.search = TerritoryPicker()
      state.territoryEntry.taken[match.territory.id] = match.territory.name
      return Effect.none
    }
    state.fields.edit(key)
    guard state.fields.focus == territoriesField else { return Effect.none }
    let typed = state.fields.fields[territoriesField].text
    let part = String(typed.split(separator: ",", omittingEmptySubsequences: false).last ?? "")
      .trimmingCharacters(in: .whitespaces)
    guard part != state.territoryEntry.search.query else { return Effect.none }
    return state.territoryEntry.search.search(part)
  }

  /// Under the form while « Territoires » is typed: the territories the part being typed matches.
  static func renderTerritorySearch(
    _ state: State, x: Int, y: Int, width: Int, on canvas: inout Canvas
  ) {
    let search = state.territoryEntry.search
    guard case .structure = state.kind, state.fields.focus == territoriesField,
      !search.query.isEmpty, search.answered
    else { return }
    let matches = search.matches
    canvas.put(
      matches.isEmpty
        ? "Aucun territoire pour « \(search.query) »."
        : "Entrée : " + matches.prefix(4).map(\.label).joined(separator: " · "),
      x: x, y: y, style: .accent, limit: width)
  }

  static func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
}

/// « Territoires » as it is typed: the search of the part after the last comma, and the territories taken
/// from it with Entrée (a ZTEF made since the console started is not among the context's names).
public struct TerritoryEntry: Equatable, Sendable {
  public var search = TerritoryPicker()
  public var taken: [Int64: String] = [:]
  public init() {}
}
