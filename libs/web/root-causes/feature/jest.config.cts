const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-root-causes-feature', __dirname);
