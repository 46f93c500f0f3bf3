package pe.gob.munlima.convoca.quality;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import pe.gob.munlima.convoca.Api;
import pe.gob.munlima.convoca.quality.EvaluationSet.EvaluationCase;
import pe.gob.munlima.convoca.quality.Scorecard.Outcome;
import pe.gob.munlima.convoca.quality.Scorecard.Reason;

/**
 * Judges labelled cases the way score.py does, over real HTTP against a running
 * application: each distinct call is imported once through
 * {@code POST /api/admin/calls/import} as an Atom entry whose summary is the call's text,
 * the case's project is created through {@code POST /api/projects}, and
 * {@code GET /api/eligibility} judges the pair with the active rules. Nothing is read
 * from the database behind the API's back, so what is measured is what a user gets.
 */
final class DevSetRun {

	private final Api api;

	/** Keeps the calls and projects of one run apart from others in the same database. */
	private final String tag;

	/** Each judged case's call and project ids, by case id. */
	private final Map<String, long[]> pairs = new LinkedHashMap<>();

	/** Time spent per step, in nanoseconds: import, search, project, judgement. */
	private final long[] nanos = new long[4];

	DevSetRun(Api api, String tag) {
		this.api = api;
		this.tag = tag;
	}

	List<Outcome> judge(List<EvaluationCase> cases) {
		Map<String, Object> calls = new LinkedHashMap<>();
		List<Outcome> outcomes = new ArrayList<>();
		for (EvaluationCase c : cases) {
			String key = (c.url() == null ? "" : c.url()) + "|" + c.title();
			Object call = calls.get(key);
			if (call == null) {
				call = importCall(c, String.format(Locale.ROOT, "%03d", calls.size() + 1));
				calls.put(key, call);
			}
			if (!(call instanceof Long callId)) {
				outcomes.add(Outcome.failed(c, "import " + call));
				continue;
			}
			long t = System.nanoTime();
			Object project = project(c);
			this.nanos[2] += System.nanoTime() - t;
			if (!(project instanceof Long projectId)) {
				outcomes.add(Outcome.failed(c, "project " + project));
				continue;
			}
			this.pairs.put(c.id(), new long[] { callId, projectId });
			t = System.nanoTime();
			HttpResponse<String> judged = this.api
				.send(HttpRequest.newBuilder(this.api.uri("/api/eligibility?call=" + callId + "&project=" + projectId))
					.header("Accept", "application/json")
					.header("Accept-Language", "es")
					.build());
			this.nanos[3] += System.nanoTime() - t;
			if (judged.statusCode() != 200) {
				outcomes.add(Outcome.failed(c, "eligibility " + judged.statusCode() + ": " + head(judged.body())));
				continue;
			}
			outcomes.add(Outcome.judged(c, reasons(this.api.json(judged))));
		}
		return outcomes;
	}

	/**
	 * The office answers the doubts of the review queue as the human reader decided,
	 * where the labels say the answer: a case Convoca left for review that the reader
	 * decided gets, for each doubt about who may apply or where, a correction through
	 * {@code POST /api/admin/calls/{id}/corrections} — Lima in when the reader found that
	 * criterion not failing, Lima out when it is among the failing criteria. Doubts the
	 * labels cannot answer (an amount, a deadline) are left. Then every case is judged
	 * again.
	 * @return the cases judged after the answers
	 */
	List<Outcome> answerAsLabelled(List<EvaluationCase> cases, List<Outcome> before) {
		Map<String, String> lima = Map.of("applicantTypes", "LOCAL_GOVERNMENT", "eligibleGeographies", "PE");
		Map<String, String> criterion = Map.of("applicantTypes", "applicant-type", "eligibleGeographies", "geography");
		for (Outcome outcome : before) {
			EvaluationCase c = outcome.evaluationCase();
			long[] pair = this.pairs.get(c.id());
			if (pair == null || !Scorecard.NEEDS_REVIEW.equals(outcome.got())
					|| Scorecard.NEEDS_REVIEW.equals(c.expectedVerdict())) {
				continue;
			}
			JsonNode judged = this.api.get("/api/eligibility?call=" + pair[0] + "&project=" + pair[1]);
			JsonNode requirements = this.api.get("/api/calls/" + pair[0]).path("requirements");
			for (JsonNode reason : judged.get("reasons")) {
				String fact = reason.path("fact").asString("");
				if (!"NEEDS_REVIEW".equals(reason.get("severity").asString()) || !lima.containsKey(fact)) {
					continue;
				}
				List<String> stated = new ArrayList<>();
				requirements.findPath(fact).path("value").forEach(code -> stated.add(code.asString()));
				boolean out = Scorecard.NOT_ELIGIBLE.equals(c.expectedVerdict())
						&& c.failingCriteria().contains(criterion.get(fact));
				String body;
				if (!out) {
					if (!stated.contains(lima.get(fact))) {
						stated.add(lima.get(fact));
					}
					body = "{\"" + fact + "\": " + json(stated) + "}";
				}
				else if (stated.remove(lima.get(fact)) && !stated.isEmpty()) {
					body = "{\"" + fact + "\": " + json(stated) + "}";
				}
				else if ("eligibleGeographies".equals(fact)) {
					body = "{\"excludedCountries\": [\"PE\"]}";
				}
				else {
					continue;
				}
				HttpResponse<String> answered = this.api.postJson("/api/admin/calls/" + pair[0] + "/corrections",
						"{\"facts\": " + body + ", \"note\": \"dev set " + c.id() + ": as the reader decided\"}");
				if (answered.statusCode() != 200) {
					throw new IllegalStateException("answer refused for " + c.id() + ": " + head(answered.body()));
				}
			}
		}
		List<Outcome> after = new ArrayList<>();
		for (Outcome outcome : before) {
			long[] pair = this.pairs.get(outcome.evaluationCase().id());
			if (pair == null) {
				after.add(outcome);
				continue;
			}
			JsonNode judged = this.api.get("/api/eligibility?call=" + pair[0] + "&project=" + pair[1]);
			after.add(Outcome.judged(outcome.evaluationCase(), reasons(judged)));
		}
		return after;
	}

	private static String json(List<String> codes) {
		return codes.stream()
			.map(code -> "\"" + code + "\"")
			.collect(java.util.stream.Collectors.joining(", ", "[", "]"));
	}

	/** The call and project of each case judged (case id to {call id, project id}). */
	Map<String, long[]> pairs() {
		return this.pairs;
	}

	/** Where the time went, for the report and the log. */
	String timings() {
		return String.format(Locale.ROOT, "import %d ms, search %d ms, projects %d ms, eligibility %d ms",
				this.nanos[0] / 1_000_000, this.nanos[1] / 1_000_000, this.nanos[2] / 1_000_000,
				this.nanos[3] / 1_000_000);
	}

	static List<Reason> reasons(JsonNode eligibility) {
		List<Reason> reasons = new ArrayList<>();
		for (JsonNode r : eligibility.get("reasons")) {
			reasons.add(new Reason(r.get("ruleId").asString(), r.get("severity").asString()));
		}
		return reasons;
	}

	/** The call's id, or what went wrong. */
	private Object importCall(EvaluationCase c, String key) {
		String source = "eval-" + this.tag + "-" + key;
		String link = c.url() != null ? c.url() : "https://example.org/" + key;
		String updated = (c.publicationDate() != null ? c.publicationDate() : "2026-01-01") + "T00:00:00Z";
		String feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
				+ "<title>evaluation</title><id>urn:eval:" + this.tag + ":" + key
				+ ":feed</id><updated>2026-12-01T00:00:00Z</updated>" + "<entry><title>" + escape(c.title())
				+ "</title><id>urn:eval:" + this.tag + ":" + key + "</id><link href=\"" + escape(link) + "\"/><updated>"
				+ updated + "</updated><summary>" + escape(c.text()) + "</summary></entry></feed>";
		long t = System.nanoTime();
		HttpResponse<String> imported = importFeed(this.api, feed.getBytes(StandardCharsets.UTF_8), "f.xml",
				"application/atom+xml", firstCodePoints(c.funder(), 200), source);
		this.nanos[0] += System.nanoTime() - t;
		if (imported.statusCode() != 200) {
			return imported.statusCode() + ": " + head(imported.body());
		}
		t = System.nanoTime();
		JsonNode hits = search("/api/calls/search?q=&source=" + source + "&size=5");
		this.nanos[1] += System.nanoTime() - t;
		if (hits.isEmpty()) {
			// stored before under another source: the same call, found by its title
			String q = URLEncoder.encode("\"" + c.title().replace('"', ' ') + "\"", StandardCharsets.UTF_8);
			for (JsonNode hit : search("/api/calls/search?q=" + q + "&size=20")) {
				if (c.title().equals(hit.get("title").asString())) {
					return hit.get("id").asLong();
				}
			}
			return "not found after import: " + head(imported.body());
		}
		return hits.get(0).get("id").asLong();
	}

	/**
	 * The hits of a search; a call just imported may take a moment to be searchable, so
	 * an empty answer is asked again for up to a few seconds.
	 */
	private JsonNode search(String path) {
		AtomicReference<JsonNode> hits = new AtomicReference<>();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
				hits.set(this.api.get(path).get("hits"));
				return !hits.get().isEmpty();
			});
		}
		catch (ConditionTimeoutException ex) {
			// Still empty after the wait: the caller reports the call as not found.
		}
		return hits.get();
	}

	/** The project's id, or what went wrong. */
	private Object project(EvaluationCase c) {
		ObjectNode body = ((ObjectNode) c.project()).deepCopy();
		String code = firstCodePoints(this.tag + "-" + c.project().get("code").asString(), 60);
		body.put("code", code);
		HttpResponse<String> created = this.api.postJson("/api/projects", body.toString());
		if (created.statusCode() == 200 || created.statusCode() == 201) {
			return this.api.json(created).get("id").asLong();
		}
		for (JsonNode p : this.api.get("/api/projects")) {
			if (code.equals(p.get("code").asString())) {
				return p.get("id").asLong();
			}
		}
		return created.statusCode() + ": " + head(created.body());
	}

	/**
	 * {@code POST /api/admin/calls/import}: a multipart form with the file, the funder
	 * and the source id, as the office's import page sends it.
	 */
	static HttpResponse<String> importFeed(Api api, byte[] file, String fileName, String contentType, String funder,
			String source) {
		return api.importFeed(fileName, contentType, file, funder, source);
	}

	/** Python's html.escape (quotes included), as score.py writes the entry. */
	static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#x27;");
	}

	/** Python's {@code s[:n]}: code points, not UTF-16 units. */
	static String firstCodePoints(String text, int n) {
		return text.codePointCount(0, text.length()) <= n ? text : text.substring(0, text.offsetByCodePoints(0, n));
	}

	private static String head(String body) {
		return body == null ? "" : firstCodePoints(body, 150);
	}

}
