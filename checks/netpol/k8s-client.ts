// The only door to @kubernetes/client-node. It is bundled on its own
// (dist/k8s-client.js) and loaded with import() only when a live cluster
// probe runs, so the gate's startup never pays for it.
export { ApiException, CoreV1Api, KubeConfig, NetworkingV1Api, Observable, ResponseContext } from '@kubernetes/client-node';
export type { ConfigurationOptions } from '@kubernetes/client-node';
