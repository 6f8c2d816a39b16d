import GuichetCore

extension VisitFormScreen {
  /// One field of the visit form, whole: its label, its options and how it reads and changes the draft
  /// visit. The form's order, its panel, its values and the focus rules all read `Field.all`, so a new coded
  /// field is one entry there (the visit, its record and its column still have to hold it).
  public struct Field: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let label: String
    /// The coded options; empty for the territory, which is picked by typing a commune.
    let options: [Option]
    /// Several options may be ticked (the requests); the others hold one option.
    let multiple: Bool
    /// The codes the visit holds for this field.
    let chosen: @Sendable (Visit) -> [String]
    /// Applies a picked code; `toggle` unticks a ticked one on a multiple field.
    let apply: @Sendable (inout Visit, String, _ toggle: Bool) -> Void
    /// Whether the agent can reach it for this visit.
    let isActive: @Sendable (Visit) -> Bool
    /// The value as the agent reads it; `commune` is the commune picked during this visit, if any.
    let shows: @Sendable (Visit, _ commune: String?, AppContext) -> String

    public static func == (lhs: Field, rhs: Field) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { name }

    /// Every field, in the order of the form. Demande(s) comes first because it is the only field
    /// without a default, so « N », « 1 », « F2 » logs a complete visit.
    public static let all: [Field] = [
      requests, publicCategory, ageBand, territory, outcome, reason, channel,
    ]

    public static let requests = Field(
      name: "requests", label: "Demande(s)", options: Option.all(RequestKind.self), multiple: true,
      chosen: { $0.requestKinds.map(\.rawValue) },
      apply: { visit, code, toggle in
        guard let kind = RequestKind(rawValue: code) else { return }
        if let index = visit.requestKinds.firstIndex(of: kind) {
          if toggle { visit.requestKinds.remove(at: index) }
        } else {
          visit.requestKinds.append(kind)
        }
      },
      isActive: { _ in true },
      shows: { visit, _, _ in
        visit.requestKinds.isEmpty
          ? unchosen : visit.requestKinds.map(\.label).joined(separator: ", ")
      })

    public static let publicCategory = coded(
      "publicCategory", "Public", \.publicCategory, default: .notSaid)
    public static let ageBand = coded("ageBand", "Tranche d'âge", \.ageBand, default: .notSaid)

    public static let territory = Field(
      name: "territory", label: "Territoire", options: [], multiple: false,
      chosen: { visit in visit.territoryID.map { ["\($0)"] } ?? [] },
      apply: { _, _, _ in }, isActive: { _ in true },
      shows: { visit, commune, context in
        let name = context.territoryName(visit.territoryID)
        if let commune, visit.territoryID != nil { return "\(name) (\(commune))" }
        return name
      })

    public static let outcome = Field(
      name: "outcome", label: "Réponse", options: Option.of(Outcome.coded), multiple: false,
      chosen: { visit in visit.outcome.map { [$0.rawValue] } ?? [] },
      apply: { visit, code, _ in
        let outcome = Outcome(rawValue: code)
        visit.outcome = outcome
        // A reason only goes with « no answer »: another answer drops it.
        if !(outcome?.needsReason ?? false) { visit.reason = nil }
      },
      isActive: { _ in true }, shows: { visit, _, _ in visit.outcome?.label ?? unchosen })

    /// Only reachable when nothing was answered or booked.
    public static let reason = Field(
      name: "reason", label: "Motif", options: Option.all(NoAnswerReason.self), multiple: false,
      chosen: { visit in visit.reason.map { [$0.rawValue] } ?? [] },
      apply: { visit, code, _ in visit.reason = NoAnswerReason(rawValue: code) },
      isActive: { $0.outcome?.needsReason ?? false },
      shows: { visit, _, _ in visit.reason?.label ?? unchosen })

    public static let channel = coded("channel", "Canal", \.channel, default: .walkIn)

    /// What an unanswered field reads.
    static let unchosen = "— à choisir —"

    /// A field holding one code that always has a value (a default stands for « not said »).
    static func coded<V: CodedValue>(
      _ name: String, _ label: String, _ path: WritableKeyPath<Visit, V> & Sendable,
      default fallback: V
    ) -> Field {
      Field(
        name: name, label: label, options: Option.all(V.self), multiple: false,
        chosen: { [$0[keyPath: path].rawValue] },
        apply: { visit, code, _ in visit[keyPath: path] = V(rawValue: code) ?? fallback },
        isActive: { _ in true }, shows: { visit, _, _ in visit[keyPath: path].label })
    }
  }
}
