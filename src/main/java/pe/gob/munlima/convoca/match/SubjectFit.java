package pe.gob.munlima.convoca.match;

import java.util.List;

import pe.gob.munlima.convoca.call.CallView;
import pe.gob.munlima.convoca.project.ProjectProfile;

import org.springframework.stereotype.Service;

/**
 * Whether a project's subject fits a call, as the Panel and the digest decide it for new
 * matches ({@link RelevanceFloor}): the call states one of the project's themes, or its
 * words score at least {@code convoca.match.signal.min-score} against the project's theme
 * query. For other modules that ask it of calls not judged for the project, such as the
 * last round of a programme whose next window is coming.
 */
@Service
public class SubjectFit {

	private final Percolator percolator;

	private final SignalProperties properties;

	SubjectFit(Percolator percolator, SignalProperties properties) {
		this.percolator = percolator;
		this.properties = properties;
	}

	public boolean fits(CallView call, ProjectProfile project) {
		List<String> themes = call.themes();
		if (this.properties.themeOverlap() && themes != null && themes.stream().anyMatch(project.themes()::contains)) {
			return true;
		}
		float score = Percolator.score(this.percolator.themeScores(call),
				this.percolator.themeIndexes(project.themes()));
		return score > 0 && score >= this.properties.minScore();
	}

}
