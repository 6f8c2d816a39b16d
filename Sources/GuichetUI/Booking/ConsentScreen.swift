import Foundation
import GuichetCore

/// The versioned consent text read to the person, naming who receives what, why and for how long. Consent
/// needs the word « oui » typed by the agent: Entrée alone, a stray key or a paste never consents.
public enum ConsentScreen {
  public struct State: Equatable, Sendable {
    public var draft: BookingDraft
    public var text: ConsentText?
    public var structure: OperatorStructure?
    /// What the agent typed as the person's answer.
    public var answer = ""
    public var error: String?
    public var sending = false

    public init(draft: BookingDraft) { self.draft = draft }
  }

  public enum Action: Equatable, Sendable {
    case key(Key)
    case loaded(ConsentText, OperatorStructure)
    /// The « oui » is recorded: the contact step follows.
    case recorded(Consent)
    /// The « non » is written on the visit.
    case outcomeRecorded(Visit, closed: Bool)
    case failed(UserError)
  }

  public static let hints: [HintLine] = [
    HintLine(key: "oui/non", text: "Réponse"),
    HintLine(key: "Entrée", text: "Valider", help: "Valider la réponse tapée"),
  ]

  public static func loadEffect(_ state: State) -> Effect {
    guard state.text == nil, let slot = state.draft.slot else { return .none }
    return .booking(.loadConsent(structureID: slot.structureID))
  }

  public static func reduce(_ state: inout State, _ action: Action, context: AppContext) -> Effect {
    switch action {
    case .loaded(let text, let structure):
      state.text = text
      state.structure = structure
      state.draft.structure = structure
    case .recorded(let consent):
      // Coming back here later shows the question again rather than a frozen « oui ».
      state.sending = false
      state.answer = ""
      var draft = state.draft
      draft.consentID = consent.id
      return .navigate(
        .status(StatusMessage("Consentement enregistré (texte version \(consent.textVersion)).")))
        + .navigate(.push(.booking(.contact(draft))))
    case .outcomeRecorded(let visit, let closed):
      return BookingOutcome.recorded(visit, closed: closed)
    case .failed(let error):
      state.sending = false
      state.error = error.message
    case .key(let key):
      guard !state.sending, state.text != nil else { return .none }
      state.error = nil
      switch key {
      case .char(let c) where c.isLetter:
        if state.answer.count < 5 { state.answer.append(c) }
      case .backspace:
        if !state.answer.isEmpty { state.answer.removeLast() }
      case .enter:
        return submit(&state)
      default:
        break
      }
    }
    return .none
  }

  static func submit(_ state: inout State) -> Effect {
    let answer = state.answer.lowercased()
    guard let text = state.text, let slot = state.draft.slot, let visitID = state.draft.visit.id
    else { return .none }
    switch answer {
    case "oui":
      state.sending = true
      return .booking(
        .recordConsent(visitID: visitID, textVersion: text.version, structureID: slot.structureID))
    case "non":
      state.sending = true
      return .booking(.recordOutcome(state.draft.visit, .consentDeclined, close: false))
    default:
      state.error = "Tapez « oui » ou « non » (la réponse de la personne), puis Entrée."
      return .none
    }
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    var y = inner.y
    guard let text = state.text else {
      canvas.put("Lecture du texte de consentement…", x: inner.x, y: y)
      return
    }
    let recipient = state.structure?.name ?? state.draft.slot?.structureName ?? ""
    canvas.put(
      "À lire à la personne (version \(text.version))", x: inner.x, y: y, style: .title,
      limit: inner.width)
    y += 2
    for line in Text.wrap(text.rendered(recipient: recipient), width: inner.width)
    where y < inner.y + inner.height - 7 {
      canvas.put(line, x: inner.x, y: y)
      y += 1
    }
    y += 1
    for line in [
      "Destinataire : \(recipient)", "Finalité : \(text.purpose.label(for: state.structure?.kind))",
      "Données : \(text.purpose.scope)", "Conservation : \(text.retentionDays) jours",
    ] {
      for wrapped in Text.wrap(line, width: inner.width) {
        canvas.put(wrapped, x: inner.x, y: y, style: .muted)
        y += 1
      }
    }
    y += 1
    let prompt = "Réponse de la personne (tapez oui ou non) : "
    canvas.put(prompt, x: inner.x, y: y, style: .bold)
    let x = inner.x + DisplayWidth.of(prompt)
    canvas.put(state.answer, x: x, y: y, style: .accent)
    canvas.put("_", x: x + DisplayWidth.of(state.answer), y: y, style: .selected)
    if let error = state.error {
      canvas.putMessage(
        error, x: inner.x, y: min(y + 1, inner.y + inner.height - 2), width: inner.width,
        style: .error, maxLines: 2)
    }
  }
}
