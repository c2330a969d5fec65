const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-shared-ui', __dirname);
