// Which rows the training lab trains on: the built-in dataset of the settings (state.train), or
// the learner's CSV once one is uploaded, until a dataset is chosen again.

import { postCsv } from "./api.js";
import { loadData } from "./session.js";

/** The lab's data source; every load puts the rows into `record.data` (record.js). */
export function createDataSource(store, record) {
  let csv = null; // the uploaded CSV's rows, while it is the data
  let uploads = 0; // a re-uploaded file of the same name is new data

  return {
    /** The data for the current settings (fetched once per dataset key). */
    async current() {
      record.data = await loadData(store.state.train, csv, record.data);
      return record.data;
    },
    /** Back to the built-in datasets. */
    forgetCsv() {
      csv = null;
    },
    /** Reads the learner's CSV (checked against the network's n_in when given); the rows become the data. */
    async upload(file, inputWidth) {
      const rows = await postCsv(await file.text(), inputWidth);
      uploads += 1;
      csv = { source: "csv", upload: uploads, name: file.name, label: `your CSV (${file.name})`, input_width: rows.inputs[0].length, ...rows };
      return rows;
    },
  };
}
