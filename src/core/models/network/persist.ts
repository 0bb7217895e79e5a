/**
 * Save and load as standard tfjs artifacts: model.json (topology, a weightsManifest pointing
 * at weights.bin, and Loupe's metadata) and the weights as one binary buffer.
 */
import { tf } from '../../compute/tf';
import type { LoupeModelMetadata, NetworkModel } from './types';

export interface ModelArtifactsFiles {
  modelJson: string;
  weights: ArrayBuffer;
}

export const WEIGHTS_FILE = 'weights.bin';

export async function saveModel(model: NetworkModel): Promise<ModelArtifactsFiles> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.net.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts?.weightData || !artifacts.weightSpecs) throw new Error('tfjs returned no weights to save.');
  const metadata: LoupeModelMetadata = { spec: model.spec, task: model.task, classes: model.classes, inputCols: model.inputCols };
  const json = {
    format: 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
    userDefinedMetadata: { loupe: metadata },
  };
  const weights = new tf.io.CompositeArrayBuffer(artifacts.weightData).slice();
  return { modelJson: JSON.stringify(json), weights };
}

export async function loadModel(artifacts: ModelArtifactsFiles): Promise<NetworkModel> {
  const json = JSON.parse(artifacts.modelJson) as tf.io.ModelJSON & { userDefinedMetadata?: { loupe?: LoupeModelMetadata } };
  const meta = json.userDefinedMetadata?.loupe;
  if (!meta) throw new Error('This model.json was not saved by Loupe: it has no Loupe metadata.');
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const net = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData: artifacts.weights }),
  );
  return { spec: meta.spec, task: meta.task, classes: meta.classes, inputCols: meta.inputCols, net };
}
