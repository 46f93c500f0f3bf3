package pe.gob.munlima.convoca.iati;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Imports IATI activity XML: read as a stream ({@link ActivityReader}) and stored in
 * batches ({@link ActivityStore}) as it is read, so the heap holds one batch of
 * activities whatever the size of the file. The crawl module hands it the body of every
 * page a source of kind {@code iati} fetches.
 */
@Service
public class IatiImport {

	private final ActivityStore store;

	private final int batchSize;

	IatiImport(ActivityStore store, IatiProperties properties) {
		this.store = store;
		this.batchSize = properties.batchSize();
	}

	/**
	 * Reads and stores every activity of the stream: new ones are inserted, known ones
	 * (same iati-identifier) updated when they changed.
	 * @param sourceId the source that fetched them (kept with each activity)
	 * @param origin where the stream comes from, for messages (the URL)
	 * @return what was read and stored, part by part
	 * @throws IatiFormatException when the file cannot be read; the activities read
	 * before the failure are stored and reported in the exception
	 */
	public IatiReport importActivities(String sourceId, InputStream xml, String origin) {
		Tally tally = new Tally();
		List<IatiActivity> batch = new ArrayList<>(this.batchSize);
		try {
			new ActivityReader().read(xml, origin, tally, activity -> {
				batch.add(activity);
				if (batch.size() >= this.batchSize) {
					this.store.store(sourceId, List.copyOf(batch), tally);
					batch.clear();
				}
			});
		}
		catch (IatiFormatException ex) {
			// Every activity whose end tag was read is whole: keep it.
			this.store.store(sourceId, batch, tally);
			throw ex.with(tally.report());
		}
		if (!batch.isEmpty()) {
			this.store.store(sourceId, batch, tally);
		}
		return tally.report();
	}

	/**
	 * Reads the stream without storing anything, to test a source definition or a file:
	 * "stored" counts what would be handed over.
	 * @throws IatiFormatException when the file cannot be read
	 */
	public static IatiReport read(InputStream xml, String origin) {
		Tally tally = new Tally();
		new ActivityReader().read(xml, origin, tally, tally::stored);
		return tally.report();
	}

}
