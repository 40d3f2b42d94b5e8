// Which rows the training lab trains on: the built-in dataset of the settings (state.train), or
// the learner's CSV once one is uploaded, until a dataset is chosen again. The server splits the
// CSV into train and test rows (test_count) and splits it again when the test share changes.

import { postCsv } from "./api.js";
import { loadData } from "./session.js";

/** The lab's data source; every load puts the rows into `record.data` (record.js). */
export function createDataSource(store, record) {
  let csv = null; // the uploaded CSV's rows, text and split, while it is the data
  let uploads = 0; // a re-uploaded file of the same name is new data

  /** The CSV as the server reads it at `testFraction` (checked against `inputWidth` when given). */
  async function read(text, inputWidth, testFraction) {
    const rows = await postCsv(text, inputWidth, testFraction);
    return { ...rows, text, test_fraction: testFraction };
  }

  return {
    /** The data for the current settings (fetched once per dataset key; a CSV split again for a new test share). */
    async current() {
      const { train } = store.state;
      if (csv && csv.test_fraction !== train.test_fraction) csv = { ...csv, ...(await read(csv.text, csv.input_width, train.test_fraction)) };
      record.data = await loadData(train, csv, record.data);
      return record.data;
    },
    /** Back to the built-in datasets. */
    forgetCsv() {
      csv = null;
    },
    /** Reads the learner's CSV (checked against the network's n_in when given); the rows become the data. */
    async upload(file, inputWidth) {
      const rows = await read(await file.text(), inputWidth, store.state.train.test_fraction);
      uploads += 1;
      csv = { source: "csv", upload: uploads, name: file.name, label: `your CSV (${file.name})`, input_width: rows.inputs[0].length, ...rows };
      return rows;
    },
  };
}
