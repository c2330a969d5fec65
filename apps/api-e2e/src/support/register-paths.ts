// Jest loads global set-up outside its module resolver: teach Node the workspace's path
// aliases (tsconfig.base.json) before anything imports them.
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

const root = join(__dirname, '../../../..');
register({ baseUrl: root, paths: require(join(root, 'tsconfig.base.json')).compilerOptions.paths });
