package pe.gob.munlima.convoca.call;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the language model Convoca ships ({@link LanguageDetector#MODEL}): OpenNLP's
 * langdetect-183 (opennlp-models-langdetect, 103 languages, 10.5 MB, on the test
 * classpath only) cut to the four languages Convoca reads. A maximum-entropy model scores
 * each language as exp(sum of its weights) over the sum for all languages, so keeping
 * only the weights of spa, eng, fra and por changes the denominator alone: the four
 * languages keep their ratios, and the detector, which compares only the four, gives the
 * same answer on every text ({@code LanguageDetectorTests} checks it against the full
 * model). Not a test: run it after a model upgrade with the command in README's
 * "Benchmarks" section.
 */
public final class LanguageModelPruning {

	private static final Logger log = LoggerFactory.getLogger(LanguageModelPruning.class);

	static final List<String> KEPT = List.of("spa", "eng", "fra", "por");

	private LanguageModelPruning() {
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of("src", "main", "resources").resolve(LanguageDetector.MODEL.substring(1));
		LanguageDetectorModel full = full();
		LanguageDetectorModel pruned = prune(full);
		Files.createDirectories(out.getParent());
		try (OutputStream stream = Files.newOutputStream(out)) {
			pruned.serialize(stream);
		}
		log.info("Wrote {} ({} bytes)", out, Files.size(out));
	}

	/** The model as published, from opennlp-models-langdetect. */
	static LanguageDetectorModel full() throws IOException {
		try (InputStream in = LanguageModelPruning.class.getResourceAsStream("/langdetect-183.bin")) {
			if (in == null) {
				throw new IllegalStateException("opennlp-models-langdetect is not on the classpath");
			}
			return new LanguageDetectorModel(in);
		}
	}

	@SuppressWarnings("unchecked")
	static LanguageDetectorModel prune(LanguageDetectorModel model) throws IOException {
		if (!(model.getMaxentModel() instanceof GISModel gis)) {
			throw new IllegalStateException("not a maximum-entropy model: " + model.getMaxentModel().getClass());
		}
		Object[] data = ((AbstractModel) gis).getDataStructures();
		Map<String, Context> predicates = (Map<String, Context>) data[1];
		String[] outcomes = (String[]) data[2];
		int[] newIndex = new int[outcomes.length];
		List<String> keptOutcomes = new ArrayList<>();
		for (int i = 0; i < outcomes.length; i++) {
			newIndex[i] = KEPT.contains(outcomes[i]) ? keptOutcomes.size() : -1;
			if (newIndex[i] >= 0) {
				keptOutcomes.add(outcomes[i]);
			}
		}
		if (keptOutcomes.size() != KEPT.size()) {
			throw new IllegalStateException("the model lacks one of " + KEPT + ": " + keptOutcomes);
		}
		List<String> labels = new ArrayList<>();
		List<Context> contexts = new ArrayList<>();
		for (Map.Entry<String, Context> predicate : predicates.entrySet()) {
			int[] oldOutcomes = predicate.getValue().getOutcomes();
			double[] oldParameters = predicate.getValue().getParameters();
			int count = 0;
			for (int outcome : oldOutcomes) {
				count += newIndex[outcome] >= 0 ? 1 : 0;
			}
			if (count == 0) {
				continue;
			}
			int[] kept = new int[count];
			double[] parameters = new double[count];
			int at = 0;
			for (int i = 0; i < oldOutcomes.length; i++) {
				if (newIndex[oldOutcomes[i]] >= 0) {
					kept[at] = newIndex[oldOutcomes[i]];
					parameters[at] = oldParameters[i];
					at++;
				}
			}
			labels.add(predicate.getKey());
			contexts.add(new Context(kept, parameters));
		}
		GISModel small = new GISModel(contexts.toArray(Context[]::new), labels.toArray(String[]::new),
				keptOutcomes.toArray(String[]::new));
		LanguageDetectorFactory factory = model.getFactory();
		return new LanguageDetectorModel(small, Map.of(), factory);
	}

}
