package pe.gob.munlima.convoca.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Read access to stored calls for the other modules. */
@Service
@Transactional(readOnly = true)
public class Calls {

	private static final TypeReference<Map<String, String>> EVIDENCE = new TypeReference<>() {
	};

	private final CallRepository calls;

	private final KeyDates keyDates;

	private final CallSources sources;

	private final JsonMapper json = JsonMapper.builder().build();

	Calls(CallRepository calls, KeyDates keyDates, CallSources sources) {
		this.calls = calls;
		this.keyDates = keyDates;
		this.sources = sources;
	}

	public Optional<CallView> find(long id) {
		return this.calls.findById(id).map(this::view);
	}

	public long count() {
		return this.calls.count();
	}

	/** How many calls are open at {@code now}: no deadline, or one not yet passed. */
	public long countOpen(Instant now) {
		return this.calls.countByDeadlineIsNullOrDeadlineGreaterThanEqual(now);
	}

	/** The calls Convoca first found in {@code [from, to)}, in id order. */
	public List<CallView> detectedBetween(Instant from, Instant to) {
		return this.calls.findByFirstSeenAtGreaterThanEqualAndFirstSeenAtLessThanOrderByIdAsc(from, to)
			.stream()
			.map(this::view)
			.toList();
	}

	/** The stored calls among {@code ids}, by id; unknown ids are left out. */
	public Map<Long, CallView> findAll(java.util.Collection<Long> ids) {
		Map<Long, CallView> found = new java.util.HashMap<>();
		for (Call call : this.calls.findAllById(ids)) {
			found.put(call.getId(), view(call));
		}
		return found;
	}

	/** Every funder the calls name (as they name it), with its number of calls. */
	public List<FunderCalls> funders() {
		return this.calls.countByFunder();
	}

	/**
	 * The calls of the funders named (case ignored), open and closed, newest first: a
	 * funder's history as Convoca saw it.
	 */
	public List<CallView> ofFunders(java.util.Collection<String> funders) {
		if (funders.isEmpty()) {
			return List.of();
		}
		return views(this.calls
			.findByFunders(funders.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).distinct().toList()));
	}

	/**
	 * The calls whose deadline falls between {@code from} and {@code to}, nearest first:
	 * what the office must act on soon.
	 */
	public List<CallView> closingBetween(Instant from, Instant to, int limit) {
		return this.calls.findByDeadlineBetweenOrderByDeadlineAsc(from, to, Limit.of(limit))
			.stream()
			.map(this::view)
			.toList();
	}

	/**
	 * Visits every call in id order, one page at a time, so a rebuild never holds them
	 * all: each page is read in its own short transaction (nothing accumulates in a
	 * persistence context) and found by key, not by offset.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void forEach(int pageSize, Consumer<List<CallView>> page) {
		long after = 0;
		List<Call> batch;
		do {
			batch = this.calls.findByIdGreaterThanOrderByIdAsc(after, Limit.of(pageSize));
			if (!batch.isEmpty()) {
				after = batch.get(batch.size() - 1).getId();
				page.accept(views(batch));
			}
		}
		while (batch.size() == pageSize);
	}

	/**
	 * Visits the calls still open for applications: not closed (by their source, or a
	 * complete listing that dropped them), with no deadline or one not yet passed, and
	 * funding rather than a procurement notice.
	 */
	public void forEachOpen(java.time.Instant now, int pageSize, Consumer<List<CallView>> page) {
		forEach(pageSize, batch -> {
			List<CallView> open = batch.stream()
				.filter(c -> !c.closed() && !c.procurement() && (c.deadline() == null || !c.deadline().isBefore(now)))
				.toList();
			if (!open.isEmpty()) {
				page.accept(open);
			}
		});
	}

	CallView view(Call call) {
		return views(List.of(call)).get(0);
	}

	/**
	 * Views of a page of calls, their key dates and sources read with one query each, not
	 * one per call.
	 */
	private List<CallView> views(List<Call> page) {
		List<Long> ids = page.stream().map(Call::getId).toList();
		Map<Long, List<KeyDate>> dates = this.keyDates.of(ids);
		Map<Long, List<CallLink>> links = this.sources.views(ids);
		return page.stream()
			.map(call -> call.toView(RequirementsColumn.read(call.getRequirements()), evidence(call),
					dates.getOrDefault(call.getId(), List.of()), links.getOrDefault(call.getId(), List.of()),
					Confirmations.read(call.getConfirmations())))
			.toList();
	}

	private Map<String, String> evidence(Call call) {
		return call.getEvidence() == null ? Map.of() : this.json.readValue(call.getEvidence(), EVIDENCE);
	}

}
