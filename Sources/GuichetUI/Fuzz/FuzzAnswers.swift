import Foundation
import GuichetCore

/// What live services would answer to every effect a screen can ask for, without a database: small but
/// realistic data, an occasional « base occupée » or « pas trouvé », so the key fuzzer walks every screen
/// with data on it. Effects that only write answer nothing, as the runtime does on success.
struct FuzzAnswers {
  var now: Date
  var nextID: Int64 = 1000
  var random = SeededRandom(state: 5)

  static let structure = OperatorStructure(
    id: 5, kind: .missionLocale, name: "Mission locale de Chambéry", address: "12 rue Sommeiller",
    postcode: "73000", city: "Chambéry", phone: "04 79 00 00 00", territoryIDs: [7])
  static let busy = UserError("Enregistrement impossible : base occupée par un autre poste.")
  static let commune = CommuneMatch(
    commune: Commune(inseeCode: "73065", name: "Chambéry", bassinCode: "8215"),
    territory: Territory(id: 7, name: "Chambéry"))

  func visit(id: Int64) -> Visit {
    Visit(
      id: id, siteID: 1, deskID: 2, arrivedAt: now.addingTimeInterval(-600),
      startedAt: now.addingTimeInterval(-300), publicCategory: .jobSeeker, ageBand: .from16to25,
      territoryID: 7, requestKinds: [.jobSearch], outcome: .information, day: Day.number(of: now))
  }

  func slots(_ count: Int) -> [AvailableSlot] {
    (0..<count).map { index in
      let start = now.addingTimeInterval(Double(26 + index * 3) * 3600)
      return AvailableSlot(
        slot: Slot(advisorID: 3, startsAt: start, endsAt: start.addingTimeInterval(1800)),
        advisorName: "Claire Martin", structureID: 5, structureName: Self.structure.name,
        operatorKind: .missionLocale, delayDays: 1 + index / 8)
    }
  }

  mutating func appointment(_ reference: BookingReference, status: AppointmentStatus = .booked)
    -> Appointment
  {
    nextID += 1
    let start = now.addingTimeInterval(status == .booked ? 26 * 3600 : -3600)
    return Appointment(
      id: nextID, reference: reference, advisorID: 3, structureID: 5, startsAt: start,
      endsAt: start.addingTimeInterval(1800), place: .onSite, visitID: 42, consentID: 9,
      deskID: 2, delayDays: 1, status: status, createdAt: now)
  }

  mutating func answer(_ effect: Effect) -> [AppAction] {
    nextID += 1
    switch effect {
    case .batch(let effects): return effects.flatMap { answer($0) }
    case .request(let request): return [request.run(FeatureClients(fakes: true), now: now)]
    case .none, .navigate, .quit, .recordConsultations, .recordSearchMiss, .session: return []
    case .loadCounters:
      return [
        .countersLoaded(DayCounters(desk: VisitCounts(closed: 3), site: VisitCounts(waiting: 1)))
      ]
    case .loadQueue:
      return [
        .queueLoaded([
          Visit(id: 900, siteID: 1, deskID: 2, arrivedAt: now, day: Day.number(of: now))
        ])
      ]
    case .loadTodayVisits: return [.todayVisitsLoaded([visit(id: 901)])]
    case .registerArrival(let channel):
      return [
        .arrivalRegistered(
          Visit(
            id: nextID, siteID: 1, deskID: 2, channel: channel, arrivedAt: now,
            day: Day.number(of: now)))
      ]
    case .save(var visit), .startService(var visit):
      visit.id = visit.id ?? nextID
      if nextID % 7 == 0 { return [.failed(Self.busy)] }
      if case .startService = effect { return [.serviceStarted(visit)] }
      return [.visitSaved(visit)]
    case .searchCommunes(let query): return [.communesFound(query: query, matches: [Self.commune])]
    case .searchReference(let query):
      return [
        .referenceFound(
          ReferenceResults(
            query: query,
            hits: [
              ReferenceHit(kind: .occupation, code: "K1207", title: "Éducateur spécialisé"),
              ReferenceHit(
                kind: .certification, code: "RNCP34826", title: "DE éducateur spécialisé"),
              ReferenceHit(kind: .structure, code: "cio-chambery", title: "CIO de Chambéry"),
            ]))
      ]
    case .loadOccupation(let code):
      let fiche = OccupationFiche(
        code: code, title: "Éducateur spécialisé", definition: ["Accompagne des personnes."],
        certifications: [
          CertificationSummary(code: "RNCP34826", title: "DEES", level: 6, isActive: true)
        ],
        neighbours: [CodeLabel(code: "K1201", label: "Action sociale")])
      return [.occupationLoaded(code: code, nextID % 5 == 0 ? nil : fiche)]
    case .loadCertification(let code):
      let fiche = CertificationFiche(
        code: code, title: "DE éducateur spécialisé", level: 6, isActive: true,
        occupations: [CodeLabel(code: "K1207", label: "Éducateur spécialisé")])
      return [.certificationLoaded(code: code, nextID % 5 == 0 ? nil : fiche)]
    case .loadLabourNeeds(let territoryID):
      let needs = LabourNeeds(
        territory: Territory(id: territoryID, name: "Chambéry"), bassins: [], year: 2024,
        needs: [
          LabourNeed(
            fapCode: "S2X40", label: "Aides-soignants", familyLabel: "Santé",
            recruitments: BMOFigure(known: 540), difficult: BMOFigure(known: 400),
            seasonal: BMOFigure(hasSecret: true))
        ], total: BMOFigure(known: 540), source: nil)
      return [.labourNeedsLoaded(territoryID: territoryID, needs)]
    case .loadStructures(let territoryID):
      return [
        .structuresLoaded(
          StructureDirectory(
            territory: territoryID.map { Territory(id: $0, name: "Chambéry") },
            structures: [
              OrientationStructure(
                id: "cio-chambery", name: "CIO de Chambéry", typeTag: "cio", typeLabel: "CIO",
                city: "Chambéry", phone: "04 79 00 00 01")
            ], source: nil))
      ]
    case .agenda(let request): return answer(request)
    case .booking(let booking): return answer(booking)
    case .appointment(let request): return answer(request)
    case .admin(let request): return answer(request)
    case .supervision(let request): return answer(request)
    case .accounts(let request): return answer(request)
    }
  }

  /// Dashboard figures with a small cell, or the satisfaction score recorded.
  mutating func answer(_ request: SupervisionRequest) -> [AppAction] {
    switch request {
    case .load(let period, let filter):
      if nextID % 6 == 0 { return [.failed(Self.busy)] }
      var figures = SupervisionFigures(period: period, filter: filter, names: SupervisionNames())
      figures.visits = 12
      figures.syntheticVisits = nextID % 2 == 0 ? 12 : 0
      figures.breakdowns = [
        .publicCategory: [
          CodeCount(code: "job_seeker", count: 9), CodeCount(code: "senior", count: 3),
        ],
        .site: [CodeCount(code: "1", count: 12)],
      ]
      figures.daily = period.days.prefix(400).map {
        CodeCount(code: $0.description, count: $0.day % 4)
      }
      figures.funnel.visits = 12
      figures.funnel.booked = 2
      figures.wait.minutes = Histogram([3: 7, 20: 2])
      return [.supervision(.loaded(figures))]
    case .recordSatisfaction(_, let score):
      return [.supervision(.satisfactionRecorded(score: score))]
    }
  }

  mutating func answer(_ request: AgendaRequest) -> [AppAction] {
    switch request {
    case .loadStructures: return [.agenda(.structuresLoaded([Self.structure]))]
    case .loadAdvisors(let structureID):
      return [
        .agenda(
          .advisorsLoaded(
            structureID: structureID,
            [
              Advisor(id: 3, structureID: structureID, displayName: "Claire Martin"),
              Advisor(id: 4, structureID: structureID, displayName: "Paul Girard"),
            ]))
      ]
    case .load(let query):
      let entries = [AppointmentStatus.booked, .seen].map { status in
        AgendaEntry(
          appointment: appointment(.generate(using: &random), status: status),
          advisorName: "Claire Martin", structureName: Self.structure.name,
          contact: Contact(
            firstName: "Léa", lastName: "Durand",
            phone: try? PhoneNumber(parsing: "06 12 34 56 78"), email: nil),
          handover: Handover(
            publicCategory: .jobSeeker, ageBand: .from16to25, requestKinds: [.jobSearch],
            occupationCodes: ["K1207"]))
      }
      return [.agenda(.loaded(AgendaPage(query: query, entries: entries)))]
    case .mark(let reference, let status):
      if nextID % 4 == 0 { return [.failed(Self.busy)] }
      return [.agenda(.marked(appointment(reference, status: status)))]
    }
  }

  mutating func answer(_ effect: BookingEffect) -> [AppAction] {
    switch effect {
    case .prepare(var visit):
      visit.id = visit.id ?? nextID
      return [
        .booking(
          .prepared(visit, [Recommendation(operatorKind: .missionLocale, reason: "16-25 ans")]))
      ]
    case .findSlots(_, let kinds):
      let found = slots(Int(nextID % 4) * 3)
      let reason: [AppAction] =
        found.isEmpty ? [.booking(.noSlotReason(kinds: kinds, .noOpeningHours))] : []
      return [.booking(.slotsFound(kinds: kinds, found))] + reason
    case .recordOutcome(var visit, let reason, let close):
      visit.outcome = .noBooking
      visit.reason = reason
      if close { visit.closedAt = now }
      return [.booking(.outcomeRecorded(visit, closed: close))]
    case .loadConsent:
      return [
        .booking(
          .consentLoaded(
            ConsentText(
              version: 1, body: ConsentText.initialBody, retentionDays: 90, publishedAt: now),
            Self.structure))
      ]
    case .recordConsent(let visitID, let version, let structureID):
      return [
        .booking(
          .consentRecorded(
            Consent(
              id: nextID, visitID: visitID, textVersion: version,
              recipientStructureID: structureID, givenAt: now, deskID: 2)))
      ]
    case .findDuplicates(var contact):
      contact.id = 77
      return [.booking(.duplicatesFound(nextID % 3 == 0 ? [contact] : []))]
    case .book(let request):
      let reference = request.reference ?? .generate(using: &random)
      switch nextID % 5 {
      case 0: return [.booking(.slotTaken(slots(3)))]
      case 1: return [.booking(.bookingFailed(reference, Self.busy))]
      default: return [.booking(.booked(appointment(reference)))]
      }
    case .saveSlip(let slip): return [.booking(.slipSaved("/tmp/\(slip.fileStem).txt"))]
    case .printSlip:
      return [
        .booking(.failed(UserError("Impression indisponible : la commande lp n'existe pas.")))
      ]
    }
  }
}

/// Answers for the appointment desk (find, cancel, move) and the administration screens.
extension FuzzAnswers {
  static let advisor = Advisor(id: 3, structureID: 5, displayName: "Claire Martin")
  static let rule = OpeningRule(
    id: 11, advisorID: 3, weekdays: [.monday, .tuesday], start: TimeOfDay(hour: 9)!,
    end: TimeOfDay(hour: 12)!, slotMinutes: 30, validFrom: LocalDate(year: 2026, month: 1, day: 1)!)
  static let routingRule = RoutingRule(
    id: 21, position: 1, ageBand: .from16to25, operatorKind: .missionLocale, reason: "16-25 ans")

  mutating func detail(_ reference: BookingReference) -> AppointmentDetail {
    AppointmentDetail(
      appointment: appointment(reference), structure: Self.structure,
      advisorName: "Claire Martin", visit: visit(id: 42),
      consent: Consent(
        id: 9, visitID: 42, textVersion: 1, recipientStructureID: 5, givenAt: now, deskID: 2),
      contact: Contact(
        firstName: "Léa", lastName: "Durand", phone: try? PhoneNumber(parsing: "0612345678"),
        email: nil))
  }

  mutating func answer(_ request: AppointmentRequest) -> [AppAction] {
    if nextID % 6 == 0 { return [.appointment(.failed(Self.busy))] }
    switch request {
    case .find(let lookup):
      let found = nextID % 4 == 0 ? [] : [detail(.generate(using: &random))]
      return [.appointment(.found(lookup, found))]
    case .cancel(let reference, _), .withdrawConsent(_, let reference):
      return [.appointment(.updated(detail(reference), message: "Rendez-vous mis à jour."))]
    case .findSlots(let structureID):
      return [.appointment(.slotsFound(structureID: structureID, slots(4)))]
    case .reschedule(let reference, _):
      if nextID % 5 == 0 { return [.appointment(.slotTaken(slots(2)))] }
      return [.appointment(.rescheduled(detail(reference)))]
    }
  }

  mutating func answer(_ request: AdminRequest) -> [AppAction] {
    switch request {
    case .loadStructures: return [.admin(.structuresLoaded([Self.structure]))]
    case .loadAdvisors(let structureID):
      return [.admin(.advisorsLoaded(structureID: structureID, [Self.advisor]))]
    case .loadAvailability(let advisorID):
      let absence = Absence(
        id: 31, advisorID: advisorID, startsAt: now, endsAt: now.addingTimeInterval(86_400))
      return [.admin(.availabilityLoaded(advisorID: advisorID, [Self.rule], [absence]))]
    case .loadRouting: return [.admin(.routingLoaded([Self.routingRule]))]
    case .write(let write):
      if nextID % 4 == 0 { return [.admin(.failed(Self.busy))] }
      return [.admin(.written(write, message: "Enregistré."))]
    }
  }

  /// Two accounts, one an advisor of the fuzzed structure; one write in four refused as the store would.
  mutating func answer(_ request: AccountsRequest) -> [AppAction] {
    switch request {
    case .load:
      let accounts = [
        Account(
          id: 1, login: "fuzz", role: .administrator, structureID: nil, isDisabled: false,
          lockedUntil: nil, createdAt: now),
        Account(
          id: 2, login: "cmartin", role: .advisor, structureID: Self.structure.id,
          isDisabled: nextID % 2 == 0, lockedUntil: now.addingTimeInterval(600), createdAt: now),
      ]
      return [
        .accounts(.loaded(accounts, structures: [Self.structure], lastLogins: [1: now]))
      ]
    case .write(let write):
      if nextID % 4 == 0 { return [.accounts(.failed(Self.busy))] }
      return [.accounts(.written(login: write.login, message: "Enregistré."))]
    }
  }
}
