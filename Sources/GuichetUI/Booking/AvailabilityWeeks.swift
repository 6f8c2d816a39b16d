import GuichetCore

/// Browsing the availability screen by week: Pg↓/Pg↑, and « D » to type a date (jj/mm/aaaa) whose week is
/// shown with its first slot highlighted. Nothing before the current week, no past date: a refused key says
/// why in French and changes nothing.
extension AvailabilityScreen {
  /// Asks for the week starting `monday`; the list shows « recherche » until it comes.
  static func showWeek(
    _ monday: LocalDate, _ state: inout State, focus: LocalDate? = nil, context: AppContext
  ) -> Effect {
    guard monday >= today(context).startOfWeek else {
      state.error = "Pas de semaine plus tôt : les créneaux se prennent à partir d'aujourd'hui."
      return .none
    }
    state.window = .week(monday)
    state.week = nil
    state.highlight = 0
    state.notice = nil
    state.offeredAfterRace = false
    state.focusDay = focus
    return loadEffect(state)
  }

  /// A key while the date is typed: digits and separators, Entrée to go, Échap to give up.
  static func dateKey(_ key: Key, _ state: inout State, context: AppContext) -> Effect {
    var text = state.typedDate ?? ""
    switch key {
    case .escape:
      state.typedDate = nil
      return .none
    case .enter:
      return goToTypedDate(text, &state, context: context)
    case .backspace:
      if !text.isEmpty { text.removeLast() }
    case .char(let c):
      text.append(c)
    case .paste(let pasted):
      text += pasted
    default:
      return .none
    }
    state.typedDate = String(
      SafeText.clean(text).filter { $0.isNumber || "/-".contains($0) }.prefix(10))
    return .none
  }

  static func goToTypedDate(_ text: String, _ state: inout State, context: AppContext) -> Effect {
    let day: LocalDate
    do {
      day = try FrenchInput.date(text, .field("Date (jj/mm/aaaa)"))
    } catch {
      state.error = error.message
      return .none
    }
    guard day >= today(context) else {
      state.error =
        "Le \(day.frenchNumeric) est passé : tapez la date d'aujourd'hui ou une date à venir."
      return .none
    }
    state.typedDate = nil
    return showWeek(day.startOfWeek, &state, focus: day, context: context)
  }
}
