import GuichetCore

/// An RNCP certification: level, type, status as of today, end of validity, apprenticeship, NSF and Formacode,
/// the métiers it leads to and its débouchés (InserJeunes).
public enum CertificationScreen {
  public enum Command: Equatable, Sendable {
    case open, outcomes
    case move(DocumentCursor.Move)
  }

  public struct State: Equatable, Sendable {
    public var code: String
    public var fiche: CertificationFiche?
    public var missing = false
    public var cursor = DocumentCursor()
    /// The day (`yyyymmdd`) the status is judged on, set when the fiche arrives.
    public var today = 0

    public init(code: String, fiche: CertificationFiche? = nil, today: Int = 0) {
      self.code = code
      self.fiche = fiche
      self.today = today
    }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case loaded(CertificationFiche?)
  }

  public static let bindings: [KeyBinding<Command>] =
    [KeyBinding([.enter], "Ouvrir", help: "Ouvrir la fiche métier en surbrillance", .open)]
    + DocumentKeys.movements(Command.move) + [
      KeyBinding(
        [.char("d")], "Débouchés", help: "Aller aux débouchés (InserJeunes) de la certification",
        .outcomes)
    ]

  public static func loadEffect(_ state: State) -> Effect { .loadCertification(state.code) }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .loaded(let fiche):
      state.fiche = fiche
      state.missing = fiche == nil
      state.today = context.today
    case .key(let key):
      guard let command: Command = bindings.command(for: key) else { return .none }
      switch command {
      case .move(let move): state.cursor.apply(move, lines: document(state))
      case .outcomes:
        if let index = OutcomeLines.headingIndex(document(state)) {
          state.cursor.top = index
          state.cursor.focus = nil
        }
      case .open:
        if let route = state.cursor.focusedLink(document(state)) { return .navigate(.push(route)) }
      }
    }
    return .none
  }

  public static func title(_ state: State) -> String { "Fiche \(state.code)" }

  public static func document(_ state: State) -> [DocumentLine] {
    guard let fiche = state.fiche else { return [] }
    let status = CertificationStatus(
      isActive: fiche.isActive, endDate: fiche.endDate, today: state.today)
    var lines: [DocumentLine] = [
      DocumentLine(.text, "Niveau : " + CertificationLevel.label(fiche.level)),
      DocumentLine(.text, "Type : " + (fiche.typeLabel ?? "non précisé")),
      DocumentLine(
        status.isCurrent ? .text : .warning,
        "Statut : " + statusText(status)
          + (fiche.status.map { " · fiche \($0.lowercased())" } ?? "")),
      DocumentLine(
        .text, "Fin de validité : " + (fiche.endDate.map(Format.isoDay) ?? "non précisée")),
    ]
    if let open = fiche.openToApprenticeship {
      lines.append(
        DocumentLine(
          .text,
          "Apprentissage : "
            + (open ? "ouverte à l'apprentissage" : "non ouverte à l'apprentissage")
            + " (kit apprentissage, 2023)"))
    }
    if let registration = fiche.registration {
      lines.append(DocumentLine(.muted, registration))
    }
    if fiche.fromCertifInfo {
      lines.append(
        DocumentLine(
          .muted,
          "Fiche enregistrée après l'export RNCP de 2021 : connue par Certif Info (2025), sans date de fin de validité."
        ))
    }
    if !fiche.previousCodes.isEmpty {
      lines.append(
        DocumentLine(.muted, "Remplace : " + fiche.previousCodes.joined(separator: ", ")))
    }
    for next in fiche.nextCodes {
      lines.append(
        DocumentLine(.text, "Remplacée par \(next)", lead: "", link: .certification(next)))
    }
    lines += [.blank, DocumentLine(.heading, "Domaine de formation (NSF)")]
    if fiche.nsfDomains.isEmpty { lines.append(DocumentLine(.muted, "Non précisé.")) }
    lines += fiche.nsfDomains.map { DocumentLine(.bullet, "\($0.label) (\($0.code))") }
    if !fiche.formacodes.isEmpty {
      lines += [.blank, DocumentLine(.heading, "Formacode (Certif Info)")]
      lines += fiche.formacodes.map { DocumentLine(.bullet, "\($0.label) (\($0.code))") }
    }
    lines += [.blank, DocumentLine(.heading, "Métiers visés (\(fiche.occupations.count))")]
    if fiche.occupations.isEmpty {
      lines.append(DocumentLine(.muted, "Aucun métier ROME lié."))
    }
    lines += fiche.occupations.map {
      DocumentLine(.text, $0.label, lead: $0.code + "  ", link: .occupation($0.code))
    }
    lines += OutcomeLines.certification(fiche.outcomes)
    lines += [.blank, DocumentLine(.heading, "Sources")]
    return lines + fiche.sources.map { DocumentLine(.source, $0.source) }
  }

  /// « active jusqu'au 31/08/2027 », « expirée le 01/01/2024 », « inactive (plus délivrée sous ce numéro) ».
  static func statusText(_ status: CertificationStatus) -> String {
    status == .inactive ? "inactive (plus délivrée sous ce numéro)" : status.label
  }

  /// The source of the fiche's identity: Certif Info for a fiche the 2021 export does not hold.
  static func mainSource(_ fiche: CertificationFiche) -> DataSource? {
    let name = fiche.fromCertifInfo ? "certifinfo" : "rncp"
    return fiche.sources.first { $0.name == name } ?? fiche.sources.first
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let x = area.x + 1
    let width = area.width - 2
    guard let fiche = state.fiche else {
      _ = FichePlaceholder.render(
        loaded: false, missing: state.missing, code: state.code, referential: "RNCP", x: x,
        y: area.y + 1, width: width, on: &canvas)
      return
    }
    let titleLines = Array(Text.wrap("\(fiche.code) · \(fiche.title)", width: width).prefix(3))
    for (index, line) in titleLines.enumerated() {
      canvas.put(line, x: x, y: area.y + index, style: .title, limit: width)
    }
    let top = area.y + titleLines.count + 1
    let sourceRows = SourceLine.rows(mainSource(fiche), width: width, context: context)
    let body = Rect(x: x, y: top, width: width, height: area.maxY - 1 - sourceRows - top)
    state.cursor.render(document(state), in: body, on: &canvas, context: context)
    SourceLine.render(
      mainSource(fiche), x: x, y: area.maxY - 1, width: width, on: &canvas, context: context)
  }
}
